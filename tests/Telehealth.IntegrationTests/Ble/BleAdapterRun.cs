using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Telehealth.Gateway.Core.Buffer;
using Telehealth.Gateway.Core.Readings;
using Telehealth.Gateway.Devices.Ble.Adapter;
using Telehealth.Gateway.Devices.Gatt.Decoding;

namespace Telehealth.IntegrationTests.Ble;

/// <summary>The real BLE adapter service against a test bed, storing into a real SQLite buffer in a temp dir.</summary>
internal sealed class BleAdapterRun : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("th-ble-buffer-").FullName;
    private readonly BleAdapterService _service;

    private BleAdapterRun(BluezTestBed bed, IReadOnlyList<BleDeviceOptions> devices, Func<IReadingSink, IReadingSink>? wrapSink)
    {
        var bufferOptions = new BufferOptions { Path = Path.Combine(_directory, "buffer.db") };
        Buffer = new SqliteReadingBuffer(Options.Create(bufferOptions), Clock, NullLogger<SqliteReadingBuffer>.Instance);
        var options = new BleOptions
        {
            BusAddress = bed.Address,
            ReconnectInitialDelay = TimeSpan.FromMilliseconds(50),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(400),
            ServicesResolvedTimeout = TimeSpan.FromSeconds(10),
        };
        foreach (var device in devices)
        {
            options.Devices.Add(device);
        }

        _service = new BleAdapterService(Options.Create(options), new GattDecoderRegistry(), wrapSink?.Invoke(Buffer) ?? Buffer, Clock, Counters, NullLogger<BleAdapterService>.Instance);
    }

    /// <summary>The gateway's "now" (receive time of every reading).</summary>
    public static DateTimeOffset Now { get; } = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    public FrozenClock Clock { get; } = new(Now);

    public BleCounters Counters { get; } = new();

    public SqliteReadingBuffer Buffer { get; }

    public static async Task<BleAdapterRun> StartAsync(
        BluezTestBed bed, IReadOnlyList<BleDeviceOptions> devices, CancellationToken cancellationToken, Func<IReadingSink, IReadingSink>? wrapSink = null)
    {
        var run = new BleAdapterRun(bed, devices, wrapSink);
        await run._service.StartAsync(cancellationToken);
        return run;
    }

    /// <summary>The readings committed to the buffer so far.</summary>
    public IReadOnlyList<DeviceReading> StoredReadings() => [.. Buffer.ReadAfter(0, 1000).Select(r => r.Reading)];

    public async ValueTask DisposeAsync()
    {
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await _service.StopAsync(stop.Token);
        }

        _service.Dispose();
        await Buffer.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
