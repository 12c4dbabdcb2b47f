using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telehealth.Gateway.Core.Readings;

namespace Telehealth.Gateway.Core.Buffer;

/// <summary>
/// The durable buffer: an append-only SQLite log (WAL) with offsets, a checkpoint per destination and dead letters.
/// One writer task group-commits the writes of all connections that queued while the previous commit ran, so each
/// caller's task completes only after the transaction that holds its rows is durable.
/// </summary>
public sealed partial class SqliteReadingBuffer : IReadingSink, IAsyncDisposable
{
    private const int SqliteFull = 13;
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    private readonly BufferOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SqliteReadingBuffer> _logger;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<bool> _newData = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly BufferCounters _counters = new();
    private readonly Lock _readLock = new();
    private readonly SqliteConnection _writer;
    private readonly SqliteConnection _reader;
    private readonly BufferCommands _commands;
    private readonly Task _writerLoop;
    private readonly DiskReserve _reserve;
    private static readonly TimeSpan FullProbeInterval = TimeSpan.FromSeconds(1);
    private volatile bool _full;
    private long _fullProbe;

    public SqliteReadingBuffer(IOptions<BufferOptions> options, TimeProvider time, ILogger<SqliteReadingBuffer> logger)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(_options.Path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        _reserve = new DiskReserve(_options.Path + ".reserve", _options.ReserveBytes, logger);
        _reserve.TryTake();
        _writer = OpenCheckedOrMoveAside();
        _commands = new BufferCommands(_writer, time);
        _reader = Open(_options.Path);
        _counters.Reset(Scalar(_reader, "SELECT COUNT(*) FROM readings"), Scalar(_reader, "SELECT COUNT(*) FROM dead_letters"));
        LogOpened(_logger, _counters.Readings, _counters.DeadLetters, _options.Synchronous);
        _writerLoop = Task.Run(RunWriterAsync);
    }

    /// <summary>Where a corrupt file found at start was moved, or null.</summary>
    public string? CorruptFileMovedAside { get; private set; }

    /// <inheritdoc />
    public ValueTask AppendAsync(IReadOnlyList<DeviceReading> readings, CancellationToken cancellationToken)
        => Enqueue(new AppendReadings(readings), cancellationToken);

    /// <summary>Keeps refused input with its reason; completes after commit.</summary>
    public ValueTask AppendDeadLettersAsync(IReadOnlyList<DeadLetter> letters, CancellationToken cancellationToken)
        => Enqueue(new AppendDeadLetters(letters), cancellationToken);

    /// <summary>
    /// Records that a destination holds <paramref name="range"/>: deletes those rows (moving the lane checkpoint when the
    /// range came from the head of the lane) and keeps the readings it rejected as dead letters — in one transaction.
    /// </summary>
    public ValueTask AcknowledgeAsync(ForwardedRange range, IReadOnlyList<DeadLetter> rejected, CancellationToken cancellationToken)
        => Enqueue(new AcknowledgeForwarded(range, rejected), cancellationToken);

    /// <summary>Reads up to <paramref name="limit"/> readings of all lanes after <paramref name="afterOffset"/>, in offset order.</summary>
    public IReadOnlyList<BufferedReading> ReadAfter(long afterOffset, int limit)
        => Read(BufferSchema.ReadAfter, null, afterOffset, limit);

    /// <summary>Reads up to <paramref name="limit"/> readings of one priority lane after <paramref name="afterOffset"/>, oldest first.</summary>
    public IReadOnlyList<BufferedReading> ReadLane(int priority, long afterOffset, int limit)
        => Read(BufferSchema.ReadLane, priority, afterOffset, limit);

    /// <summary>
    /// Reads the lane's newest readings after <paramref name="afterOffset"/> that were received at or after
    /// <paramref name="receivedSinceMs"/> (a contiguous tail of the lane), up to <paramref name="limit"/>, oldest first.
    /// </summary>
    public IReadOnlyList<BufferedReading> ReadLaneTail(int priority, long afterOffset, long receivedSinceMs, int limit)
    {
        var newest = Read(BufferSchema.ReadLaneNewest, priority, afterOffset, limit);
        var tail = new List<BufferedReading>(newest.Count);
        foreach (var row in newest)
        {
            if (row.Reading.ReceivedAtMs < receivedSinceMs)
            {
                break;
            }

            tail.Add(row);
        }

        tail.Reverse();
        return tail;
    }

    private List<BufferedReading> Read(string sql, int? priority, long afterOffset, int limit)
    {
        var result = new List<BufferedReading>(Math.Min(limit, 4096));
        lock (_readLock)
        {
            using var command = _reader.CreateCommand();
            command.CommandText = sql;
            if (priority is { } lane)
            {
                command.Parameters.AddWithValue("$priority", lane);
            }

            command.Parameters.AddWithValue("$after", afterOffset);
            command.Parameters.AddWithValue("$limit", limit);
            using var rows = command.ExecuteReader();
            while (rows.Read())
            {
                var reading = new DeviceReading(
                    rows.GetString(1), rows.GetString(2), rows.GetString(3), rows.GetInt64(4), rows.GetInt64(5),
                    ComponentValuesCodec.Decode(rows.GetString(6)));
                result.Add(new BufferedReading(rows.GetInt64(0), reading));
            }
        }

        return result;
    }

    /// <summary>The destination's checkpoint (0 when it has none).</summary>
    public long GetCheckpoint(string destination)
    {
        lock (_readLock)
        {
            using var command = _reader.CreateCommand();
            command.CommandText = "SELECT offset FROM checkpoints WHERE destination = $destination";
            command.Parameters.AddWithValue("$destination", destination);
            return command.ExecuteScalar() is long offset ? offset : 0;
        }
    }

    /// <summary>Lists the most recent dead letters (newest first).</summary>
    public IReadOnlyList<(long Id, long AtMs, string Source, string? DeviceId, string Reason)> ReadDeadLetters(int limit)
    {
        var result = new List<(long, long, string, string?, string)>();
        lock (_readLock)
        {
            using var command = _reader.CreateCommand();
            command.CommandText = "SELECT id, at_ms, source, device, reason FROM dead_letters ORDER BY id DESC LIMIT $limit";
            command.Parameters.AddWithValue("$limit", limit);
            using var rows = command.ExecuteReader();
            while (rows.Read())
            {
                result.Add((rows.GetInt64(0), rows.GetInt64(1), rows.GetString(2), rows.IsDBNull(3) ? null : rows.GetString(3), rows.GetString(4)));
            }
        }

        return result;
    }

    /// <summary>Waits until a commit added data, or <paramref name="timeout"/> passed.</summary>
    public async Task WaitForDataAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _newData.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // timeout: the caller polls again
        }
    }

    /// <summary>A snapshot for the status page and heartbeat.</summary>
    public BufferStatus GetStatus()
    {
        long? oldest;
        lock (_readLock)
        {
            using var command = _reader.CreateCommand();
            command.CommandText = "SELECT received_ms FROM readings ORDER BY offset LIMIT 1";
            oldest = command.ExecuteScalar() as long?;
        }

        return new BufferStatus(_counters.Readings, FileBytes(), _options.MaxBytes, oldest, _counters.DeadLetters,
            _counters.Appended, _counters.Forwarded, _full, CorruptFileMovedAside);
    }

    /// <summary>Runs <c>PRAGMA integrity_check</c> on the live file.</summary>
    public string IntegrityCheck()
    {
        lock (_readLock)
        {
            using var command = _reader.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            return command.ExecuteScalar() as string ?? "no answer";
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writerLoop;
        _commands.Dispose();
        _writer.Dispose();
        _reader.Dispose();
    }

    private ValueTask Enqueue(PendingWrite write, CancellationToken cancellationToken)
    {
        if (!_queue.Writer.TryWrite(write))
        {
            throw new BufferUnavailableException("the buffer is shutting down");
        }

        return new ValueTask(write.Completion.WaitAsync(cancellationToken));
    }

    private async Task RunWriterAsync()
    {
        var group = new List<PendingWrite>();
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            group.Clear();
            var rows = 0;
            while (rows < _options.MaxRowsPerCommit && reader.TryRead(out var write))
            {
                if (write is not AcknowledgeForwarded && RefuseWhileFull())
                {
                    write.Fail(new BufferUnavailableException("buffer full (byte budget or disk): readings refused, nothing overwritten") { QuotaExceeded = true });
                    continue;
                }

                group.Add(write);
                rows += write.Rows;
            }

            if (group.Count > 0)
            {
                Commit(group);
            }
        }
    }

    /// <summary>
    /// While full, new rows are refused without touching the disk, so that acknowledgements (deletes, which need a
    /// little WAL space too) get the space that comes back; once a second the writer tries an append again, in case
    /// space returned some other way.
    /// </summary>
    private bool RefuseWhileFull()
    {
        if (!_full)
        {
            return false;
        }

        if (_time.GetElapsedTime(_fullProbe) < FullProbeInterval)
        {
            return true;
        }

        _fullProbe = _time.GetTimestamp();
        return false;
    }

    private void Commit(List<PendingWrite> group)
    {
        try
        {
            using (var transaction = _writer.BeginTransaction())
            {
                _commands.Transaction = transaction;
                foreach (var write in group)
                {
                    write.Apply(_commands);
                }

                transaction.Commit();
            }

            _commands.Transaction = null;
        }
        catch (SqliteException ex)
        {
            _commands.Transaction = null;
            var full = ex.SqliteErrorCode == SqliteFull || IsDiskFull(ex);
            if (full && !_full)
            {
                LogBufferFull(_logger, _options.MaxBytes);
            }
            else if (!full)
            {
                LogCommitFailed(_logger, ex, ex.SqliteErrorCode);
            }

            if (full && !_full)
            {
                _fullProbe = _time.GetTimestamp();
            }

            _full = full;
            var error = new BufferUnavailableException(full ? "buffer full (byte budget or disk): readings refused, nothing overwritten" : "buffer commit failed: " + ex.Message, ex)
            {
                QuotaExceeded = full,
            };
            foreach (var write in group)
            {
                write.Fail(error); // answer the devices first; giving space back below can take a while
            }

            if (full)
            {
                _reserve.Release();
                TryTruncateWal();
            }

            return;
        }

        if (_full)
        {
            if (group.TrueForAll(w => w is AcknowledgeForwarded))
            {
                _fullProbe = 0; // forwarding freed space: let the next append try at once
            }
            else
            {
                _full = false;
                LogBufferRecovered(_logger);
                TryTruncateWal(); // give the WAL's space back while there is room to fold it into the database
                _reserve.TryTake();
            }
        }

        foreach (var write in group)
        {
            write.Committed(_counters);
            write.Complete();
        }

        _newData.Writer.TryWrite(true);
    }

    /// <summary>
    /// On a full disk the WAL may never reach the auto-checkpoint size, so the space it holds would never come back:
    /// fold it into the database (whose pages freed by forwarding are reused) and truncate it. Best effort: when even
    /// that has no room, the next refused commit tries again.
    /// </summary>
    private void TryTruncateWal()
    {
        try
        {
            Execute(_writer, "PRAGMA wal_checkpoint(TRUNCATE)");
        }
        catch (SqliteException ex)
        {
            LogCheckpointFailed(_logger, ex.SqliteErrorCode);
        }
    }

    private static bool IsDiskFull(SqliteException ex)
        => ex.SqliteExtendedErrorCode == 13 || ex.Message.Contains("disk is full", StringComparison.OrdinalIgnoreCase)
           || ex.InnerException is IOException { HResult: 28 };

    private SqliteConnection OpenCheckedOrMoveAside()
    {
        try
        {
            var connection = Open(_options.Path);
            var check = Scalar<string>(connection, "PRAGMA integrity_check");
            if (check == "ok")
            {
                ConfigureWriter(connection);
                return connection;
            }

            connection.Dispose();
            LogCorrupt(_logger, check ?? "no answer");
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteCorrupt or SqliteNotADatabase)
        {
            LogCorrupt(_logger, ex.Message);
        }

        SqliteConnection.ClearAllPools();
        var aside = $"{_options.Path}.corrupt-{_time.GetUtcNow():yyyyMMddTHHmmssZ}";
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            if (File.Exists(_options.Path + suffix))
            {
                File.Move(_options.Path + suffix, aside + suffix);
            }
        }

        CorruptFileMovedAside = aside;
        LogMovedAside(_logger, aside);
        var fresh = Open(_options.Path);
        ConfigureWriter(fresh);
        return fresh;
    }

    private void ConfigureWriter(SqliteConnection connection)
    {
        var pageSize = Scalar(connection, "PRAGMA page_size");
        Execute(connection, $"PRAGMA max_page_count = {Math.Max(16, _options.MaxBytes / pageSize)}");

        // Keep the WAL small (about 1 MiB) so that a small or nearly full disk still has room to checkpoint it.
        Execute(connection, "PRAGMA wal_autocheckpoint = 256");
        Execute(connection, "PRAGMA journal_size_limit = 4194304");
        Execute(connection, BufferSchema.Create);
    }

    private SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA journal_mode = WAL");
        Execute(connection, _options.Synchronous == SynchronousMode.Full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
        Execute(connection, "PRAGMA busy_timeout = 10000");
        return connection;
    }

    private long FileBytes()
    {
        long total = 0;
        foreach (var suffix in new[] { "", "-wal" })
        {
            var file = new FileInfo(_options.Path + suffix);
            if (file.Exists)
            {
                total += file.Length;
            }
        }

        return total;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection connection, string sql) => Scalar<long>(connection, sql);

    private static T? Scalar<T>(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T?)command.ExecuteScalar();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Buffer opened: {Readings} readings waiting, {DeadLetters} dead letters, synchronous={Synchronous}")]
    private static partial void LogOpened(ILogger logger, long readings, long deadLetters, SynchronousMode synchronous);

    [LoggerMessage(Level = LogLevel.Critical, Message = "ALARM buffer full (budget {MaxBytes} bytes or disk): refusing new readings until space returns; nothing is overwritten")]
    private static partial void LogBufferFull(ILogger logger, long maxBytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Buffer has space again: accepting readings")]
    private static partial void LogBufferRecovered(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Buffer commit failed (SQLite error {Code}); the readings were refused and the devices will resend")]
    private static partial void LogCommitFailed(ILogger logger, Exception exception, int code);

    [LoggerMessage(Level = LogLevel.Debug, Message = "WAL checkpoint on a full buffer failed (SQLite error {Code}); retried on the next refused commit")]
    private static partial void LogCheckpointFailed(ILogger logger, int code);

    [LoggerMessage(Level = LogLevel.Critical, Message = "ALARM buffer file failed its integrity check: {Detail}")]
    private static partial void LogCorrupt(ILogger logger, string detail);

    [LoggerMessage(Level = LogLevel.Critical, Message = "ALARM corrupt buffer moved aside to {Path}; a fresh buffer was started")]
    private static partial void LogMovedAside(ILogger logger, string path);
}
