namespace Telehealth.Gateway.Core.Buffer;

/// <summary>The buffer's tables: an append-only reading log addressed by offsets, a checkpoint per destination, dead letters.</summary>
internal static class BufferSchema
{
    public const string Create = """
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
        CREATE INDEX IF NOT EXISTS readings_by_lane ON readings (priority, offset);
        CREATE TABLE IF NOT EXISTS checkpoints (
            destination TEXT    PRIMARY KEY,
            offset      INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS dead_letters (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            at_ms       INTEGER NOT NULL,
            source      TEXT    NOT NULL,
            device      TEXT,
            reason      TEXT    NOT NULL,
            payload     BLOB
        );
        """;

    public const string InsertReading = """
        INSERT INTO readings (device, metric, unit, device_ms, received_ms, priority, vals)
        VALUES ($device, $metric, $unit, $device_ms, $received_ms, $priority, $vals)
        """;

    public const string InsertDeadLetter = """
        INSERT INTO dead_letters (at_ms, source, device, reason, payload) VALUES ($at_ms, $source, $device, $reason, $payload)
        """;

    public const string UpsertCheckpoint = """
        INSERT INTO checkpoints (destination, offset) VALUES ($destination, $offset)
        ON CONFLICT (destination) DO UPDATE SET offset = max(offset, excluded.offset)
        """;

    public const string DeleteRange = "DELETE FROM readings WHERE priority = $priority AND offset > $from AND offset <= $to";

    public const string Columns = "offset, device, metric, unit, device_ms, received_ms, vals";

    public const string ReadAfter = $"SELECT {Columns} FROM readings WHERE offset > $after ORDER BY offset LIMIT $limit";

    public const string ReadLane = $"SELECT {Columns} FROM readings WHERE priority = $priority AND offset > $after ORDER BY offset LIMIT $limit";

    public const string ReadLaneNewest = $"SELECT {Columns} FROM readings WHERE priority = $priority AND offset > $after ORDER BY offset DESC LIMIT $limit";
}
