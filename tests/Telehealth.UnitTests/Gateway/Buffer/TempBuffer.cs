using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Telehealth.Gateway.Core.Buffer;
using Telehealth.Gateway.Core.Readings;

namespace Telehealth.UnitTests.Gateway.Buffer;

/// <summary>A real SQLite buffer file in a temp directory, deleted afterwards.</summary>
internal sealed class TempBuffer : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("th-buffer-").FullName;

    public TempBuffer(long maxBytes = 64L * 1024 * 1024)
    {
        Options = new BufferOptions { Path = System.IO.Path.Combine(_directory, "buffer.db"), MaxBytes = maxBytes };
    }

    public BufferOptions Options { get; }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.Parse("2026-11-24T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public string Path => Options.Path;

    public SqliteReadingBuffer Open() => new(Microsoft.Extensions.Options.Options.Create(Options), Time, NullLogger<SqliteReadingBuffer>.Instance);

    public static DeviceReading Reading(string device, long ts, double value)
        => new(device, "heart_rate", "/min", ts, ts + 5, new Dictionary<string, double> { ["value"] = value });

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
