using Microsoft.Data.Sqlite;
using Telehealth.Gateway.Core.Readings;
using Telehealth.Ingest.Contracts.Metrics;

namespace Telehealth.Gateway.Core.Buffer;

/// <summary>Prepared statements of the writer connection, reused across transactions.</summary>
internal sealed class BufferCommands : IDisposable
{
    private readonly SqliteCommand _insertReading;
    private readonly SqliteCommand _insertDeadLetter;
    private readonly SqliteCommand _upsertCheckpoint;
    private readonly SqliteCommand _deleteRange;
    private readonly TimeProvider _time;

    public BufferCommands(SqliteConnection connection, TimeProvider time)
    {
        _time = time;
        _insertReading = Prepare(connection, BufferSchema.InsertReading, "$device", "$metric", "$unit", "$device_ms", "$received_ms", "$priority", "$vals");
        _insertDeadLetter = Prepare(connection, BufferSchema.InsertDeadLetter, "$at_ms", "$source", "$device", "$reason", "$payload");
        _upsertCheckpoint = Prepare(connection, BufferSchema.UpsertCheckpoint, "$destination", "$offset");
        _deleteRange = Prepare(connection, BufferSchema.DeleteRange, "$priority", "$from", "$to");
    }

    public SqliteTransaction? Transaction
    {
        set
        {
            _insertReading.Transaction = value;
            _insertDeadLetter.Transaction = value;
            _upsertCheckpoint.Transaction = value;
            _deleteRange.Transaction = value;
        }
    }

    public void InsertReading(DeviceReading reading)
    {
        var p = _insertReading.Parameters;
        p[0].Value = reading.DeviceId;
        p[1].Value = reading.Metric;
        p[2].Value = reading.Unit;
        p[3].Value = reading.DeviceTimeMs;
        p[4].Value = reading.ReceivedAtMs;
        p[5].Value = MetricCatalog.TryGet(reading.Metric, out var definition) ? (int)definition.Priority : (int)MetricPriority.Raw;
        p[6].Value = ComponentValuesCodec.Encode(reading.Values);
        _insertReading.ExecuteNonQuery();
    }

    public void InsertDeadLetter(DeadLetter letter)
    {
        var p = _insertDeadLetter.Parameters;
        p[0].Value = _time.GetUtcNow().ToUnixTimeMilliseconds();
        p[1].Value = letter.Source;
        p[2].Value = (object?)letter.DeviceId ?? DBNull.Value;
        p[3].Value = letter.Reason;
        p[4].Value = letter.Payload.ToArray();
        _insertDeadLetter.ExecuteNonQuery();
    }

    /// <summary>
    /// Deletes the lane's rows in (<paramref name="from"/>, <paramref name="to"/>]; when <paramref name="checkpoint"/>
    /// is given, also moves that checkpoint to <paramref name="to"/> (never backwards).
    /// </summary>
    public int Acknowledge(string? checkpoint, int priority, long from, long to)
    {
        if (checkpoint is not null)
        {
            _upsertCheckpoint.Parameters[0].Value = checkpoint;
            _upsertCheckpoint.Parameters[1].Value = to;
            _upsertCheckpoint.ExecuteNonQuery();
        }

        _deleteRange.Parameters[0].Value = priority;
        _deleteRange.Parameters[1].Value = from;
        _deleteRange.Parameters[2].Value = to;
        return _deleteRange.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _insertReading.Dispose();
        _insertDeadLetter.Dispose();
        _upsertCheckpoint.Dispose();
        _deleteRange.Dispose();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }
}
