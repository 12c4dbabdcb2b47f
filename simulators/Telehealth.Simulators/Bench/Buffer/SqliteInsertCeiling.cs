using Microsoft.Data.Sqlite;

namespace Telehealth.Simulators.Bench.Buffer;

/// <summary>
/// Bare SQLite inserts into a table shaped like the gateway's <c>readings</c> table
/// (gateway/Telehealth.Gateway.Core/Buffer/BufferSchema.cs), WAL, <c>synchronous=FULL</c>, a prepared statement,
/// a fixed number of rows per transaction: the most the buffer's storage could do on this disk.
/// </summary>
public static class SqliteInsertCeiling
{
    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS readings (
            offset      INTEGER PRIMARY KEY AUTOINCREMENT,
            device      TEXT    NOT NULL,
            metric      TEXT    NOT NULL,
            unit        TEXT    NOT NULL,
            device_ms   INTEGER NOT NULL,
            received_ms INTEGER NOT NULL,
            priority    INTEGER NOT NULL,
            vals        TEXT    NOT NULL
        );
        """;

    public static RateMeasurement Run(string path, int rowsPerTransaction, TimeSpan duration, TimeProvider time)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA journal_mode = WAL");
        Execute(connection, "PRAGMA synchronous = FULL");
        Execute(connection, CreateTable);
        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO readings (device, metric, unit, device_ms, received_ms, priority, vals)
            VALUES ($device, $metric, $unit, $device_ms, $received_ms, $priority, $vals)
            """;
        var device = insert.Parameters.Add("$device", SqliteType.Text);
        var metric = insert.Parameters.Add("$metric", SqliteType.Text);
        var unit = insert.Parameters.Add("$unit", SqliteType.Text);
        var deviceMs = insert.Parameters.Add("$device_ms", SqliteType.Integer);
        var receivedMs = insert.Parameters.Add("$received_ms", SqliteType.Integer);
        var priority = insert.Parameters.Add("$priority", SqliteType.Integer);
        var vals = insert.Parameters.Add("$vals", SqliteType.Text);
        metric.Value = "heart_rate";
        unit.Value = "/min";
        priority.Value = 1;
        var devices = Enumerable.Range(1, 50).Select(i => $"bench-{i}").ToArray();
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        long rows = 0;
        var started = time.GetTimestamp();
        while (time.GetElapsedTime(started) < duration)
        {
            using var transaction = connection.BeginTransaction();
            insert.Transaction = transaction;
            for (var i = 0; i < rowsPerTransaction; i++, rows++)
            {
                device.Value = devices[rows % devices.Length];
                deviceMs.Value = now + rows;
                receivedMs.Value = now + rows;
                vals.Value = string.Concat("value=", (60 + (rows % 800 / 10.0)).ToString("R", System.Globalization.CultureInfo.InvariantCulture));
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        return new RateMeasurement(rows, time.GetElapsedTime(started).TotalSeconds);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
