using Telehealth.Gateway.Devices.Ble.Adapter;

namespace Telehealth.IntegrationTests.Ble;

/// <summary>
/// Whole flows of the real BLE adapter and BlueZ client against dbusmock's bluez5 template on a private bus:
/// discovery, enrolment, notifications into a real SQLite buffer, malformed values, reconnects and RACP.
/// </summary>
public sealed class BleAdapterTests
{
    private const string StrapAddress = "AA:BB:CC:DD:EE:01";
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(45);
    private const string StrapId = "hr-strap-1";
    private const ushort HeartRateService = 0x180D;
    private const ushort HeartRateMeasurement = 0x2A37;
    private static readonly byte[] HeartRate72 = [0x06, 0x48];
    private static readonly BleDeviceOptions[] EnrolledStrap = [new() { Id = StrapId, Address = StrapAddress }];

    [Fact]
    public async Task Adapter_DeviceDiscoveredAfterStart_ConnectsEnrolledAndCountsUnknown()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        var ct = timeout.Token;
        await using var bed = await BluezTestBed.StartAsync(ct);
        await bed.AddAdapterAsync("hci0", ct);
        await using var run = await BleAdapterRun.StartAsync(bed, EnrolledStrap, ct);

        var stranger = await bed.AddDeviceAsync("hci0", "11:22:33:44:55:66", "neighbour's watch", ct);
        var strangerChars = await bed.AddGattServiceAsync(stranger, HeartRateService, [HeartRateMeasurement], ct);
        var strap = await bed.AddDeviceAsync("hci0", StrapAddress, "chest strap", ct);
        var strapChars = await bed.AddGattServiceAsync(strap, HeartRateService, [HeartRateMeasurement], ct);

        await BluezTestBed.WaitUntilAsync(() => Task.FromResult(run.Counters.Connections == 1 && run.Counters.UnknownDevicesIgnored == 1), "the strap is connected and the stranger counted", ct);
        await bed.NotifyAsync(strangerChars[0], [0x06, 0x50], ct); // 80 /min from the stranger: not subscribed, never stored
        await bed.NotifyAsync(strapChars[0], HeartRate72, ct);
        await BluezTestBed.WaitUntilAsync(() => Task.FromResult(run.Counters.ReadingsStored >= 1), "the strap's reading is stored", ct);
        var reading = Assert.Single(run.StoredReadings());
        Assert.Equal(StrapId, reading.DeviceId);
        Assert.Equal(72, reading.Values["value"]);
        Assert.Equal(1, run.Counters.Notifications);
        Assert.Equal(1, run.Counters.UnknownDevicesIgnored);
        Assert.Equal(0, run.Counters.Reconnects);
    }

    [Fact]
    public async Task Adapter_HeartRateNotification_CommitsHeartRateReadingToBuffer()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        var ct = timeout.Token;
        await using var bed = await BluezTestBed.StartAsync(ct);
        var chars = await AddStrapAsync(bed, ct);
        await using var run = await BleAdapterRun.StartAsync(bed, EnrolledStrap, ct);
        await BluezTestBed.WaitUntilAsync(() => Task.FromResult(run.Counters.Connections == 1), "the strap is connected", ct);

        await bed.NotifyAsync(chars[0], HeartRate72, ct);

        await BluezTestBed.WaitUntilAsync(() => Task.FromResult(run.Counters.ReadingsStored == 1), "the reading is stored", ct);
        var reading = Assert.Single(run.StoredReadings());
        Assert.Equal(StrapId, reading.DeviceId);
        Assert.Equal("heart_rate", reading.Metric);
        Assert.Equal("/min", reading.Unit);
        Assert.Equal(72, reading.Values["value"]);
        Assert.Equal(BleAdapterRun.Now.ToUnixTimeMilliseconds(), reading.ReceivedAtMs);
        Assert.Equal(BleAdapterRun.Now.ToUnixTimeMilliseconds(), reading.DeviceTimeMs);
    }

    [Fact]
    public async Task Adapter_MalformedValue_CountedAndNoReading()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        var ct = timeout.Token;
        await using var bed = await BluezTestBed.StartAsync(ct);
        var chars = await AddStrapAsync(bed, ct);
        await using var run = await BleAdapterRun.StartAsync(bed, EnrolledStrap, ct);
        await BluezTestBed.WaitUntilAsync(() => Task.FromResult(run.Counters.Connections == 1), "the strap is connected", ct);

        await bed.NotifyAsync(chars[0], [0x20, 0x48], ct); // reserved flag bit set
        await bed.NotifyAsync(chars[0], HeartRate72, ct); // values are handled in order: this one comes after

        await BluezTestBed.WaitUntilAsync(() => Task.FromResult(run.Counters.ReadingsStored == 1), "the valid value is stored", ct);
        Assert.Equal(2, run.Counters.Notifications);
        Assert.Equal(1, run.Counters.MalformedValues);
        var reading = Assert.Single(run.StoredReadings());
        Assert.Equal(72, reading.Values["value"]);
    }

    [Fact]
    public async Task Adapter_BufferRefuses_CountedAndLaterValuesStored()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        var ct = timeout.Token;
        await using var bed = await BluezTestBed.StartAsync(ct);
        var chars = await AddStrapAsync(bed, ct);
        await using var run = await BleAdapterRun.StartAsync(bed, EnrolledStrap, ct, buffer => new RefuseFirstSink(buffer));
        await BluezTestBed.WaitUntilAsync(() => Task.FromResult(run.Counters.Connections == 1), "the strap is connected", ct);

        await bed.NotifyAsync(chars[0], [0x06, 0x50], ct); // refused by the full buffer
        await bed.NotifyAsync(chars[0], HeartRate72, ct);

        await BluezTestBed.WaitUntilAsync(() => Task.FromResult(run.Counters.ReadingsStored == 1), "the second value is stored", ct);
        Assert.Equal(1, run.Counters.SinkRefusals);
        Assert.Equal(72, Assert.Single(run.StoredReadings()).Values["value"]);
    }

    [Fact]
    public async Task Adapter_ConnectionDropped_ReconnectsAndNotificationsFlowAgain()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        var ct = timeout.Token;
        await using var bed = await BluezTestBed.StartAsync(ct);
        var chars = await AddStrapAsync(bed, ct);
        await using var run = await BleAdapterRun.StartAsync(bed, EnrolledStrap, ct);
        await BluezTestBed.WaitUntilAsync(() => Task.FromResult(run.Counters.Connections == 1), "the strap is connected", ct);

        await bed.DropConnectionAsync(StrapPath, ct);

        await BluezTestBed.WaitUntilAsync(() => Task.FromResult(run.Counters.Reconnects == 1), "the strap is reconnected", ct);
        await bed.NotifyAsync(chars[0], HeartRate72, ct);
        await BluezTestBed.WaitUntilAsync(() => Task.FromResult(run.Counters.ReadingsStored == 1), "the reading is stored", ct);
        Assert.Equal(72, Assert.Single(run.StoredReadings()).Values["value"]);
    }

    [Fact]
    public async Task Adapter_DeviceRemovedAndFoundAgain_ReconnectsAndNotificationsFlowAgain()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        var ct = timeout.Token;
        await using var bed = await BluezTestBed.StartAsync(ct);
        await AddStrapAsync(bed, ct);
        await using var run = await BleAdapterRun.StartAsync(bed, EnrolledStrap, ct);
        await BluezTestBed.WaitUntilAsync(() => Task.FromResult(run.Counters.Connections == 1), "the strap is connected", ct);

        await bed.RemoveDeviceAsync(StrapPath, ct);
        var strap = await bed.AddDeviceAsync("hci0", StrapAddress, "chest strap", ct);
        var chars = await bed.AddGattServiceAsync(strap, HeartRateService, [HeartRateMeasurement], ct);

        await BluezTestBed.WaitUntilAsync(() => Task.FromResult(run.Counters.Reconnects == 1), "the strap is reconnected", ct);
        await bed.NotifyAsync(chars[0], HeartRate72, ct);
        await BluezTestBed.WaitUntilAsync(() => Task.FromResult(run.Counters.ReadingsStored == 1), "the reading is stored", ct);
    }

    [Fact]
    public async Task Adapter_BluezRestarted_StartsOverAndNotificationsFlowAgain()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        var ct = timeout.Token;
        await using var bed = await BluezTestBed.StartAsync(ct);
        await AddStrapAsync(bed, ct);
        await using var run = await BleAdapterRun.StartAsync(bed, EnrolledStrap, ct);
        await BluezTestBed.WaitUntilAsync(() => Task.FromResult(run.Counters.Connections == 1), "the strap is connected", ct);

        await bed.RestartBluezAsync(ct);
        var chars = await AddStrapAsync(bed, ct);

        await BluezTestBed.WaitUntilAsync(() => Task.FromResult(run.Counters.Connections == 2), "the strap is connected again", ct);
        await bed.NotifyAsync(chars[0], HeartRate72, ct);
        await BluezTestBed.WaitUntilAsync(() => Task.FromResult(run.Counters.ReadingsStored == 1), "the reading is stored", ct);
    }

    [Fact]
    public async Task Adapter_BusRestarted_StartsOverAndNotificationsFlowAgain()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        var ct = timeout.Token;
        await using var bed = await BluezTestBed.StartAsync(ct);
        await AddStrapAsync(bed, ct);
        await using var run = await BleAdapterRun.StartAsync(bed, EnrolledStrap, ct);
        await BluezTestBed.WaitUntilAsync(() => Task.FromResult(run.Counters.Connections == 1), "the strap is connected", ct);

        await bed.RestartBusAsync(ct);
        var chars = await AddStrapAsync(bed, ct);

        await BluezTestBed.WaitUntilAsync(() => Task.FromResult(run.Counters.Connections == 2), "the strap is connected again", ct);
        await bed.NotifyAsync(chars[0], HeartRate72, ct);
        await BluezTestBed.WaitUntilAsync(() => Task.FromResult(run.Counters.ReadingsStored == 1), "the reading is stored", ct);
    }

    [Fact]
    public async Task Adapter_ReconnectToDeviceWithRacp_RequestsAllRecordsAndStoresThem()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        var ct = timeout.Token;
        await using var bed = await BluezTestBed.StartAsync(ct);
        await bed.AddAdapterAsync("hci0", ct);
        var scale = await bed.AddDeviceAsync("hci0", "AA:BB:CC:DD:EE:02", "scale", ct);
        var chars = await bed.AddGattServiceAsync(scale, 0x181D, [0x2A9D, 0x2A52], ct);
        var (weight, racp) = (chars[0], chars[1]);
        await using var run = await BleAdapterRun.StartAsync(bed, [new() { Id = "scale-1", Address = "aa:bb:cc:dd:ee:02" }], ct);
        await BluezTestBed.WaitUntilAsync(() => Task.FromResult(run.Counters.Connections == 1), "the scale is connected", ct);
        Assert.Equal(0u, await bed.WriteCountAsync(racp, ct));

        await bed.DropConnectionAsync(scale, ct);
        await BluezTestBed.WaitUntilAsync(async () => await bed.WriteCountAsync(racp, ct) == 1, "the adapter writes to the RACP", ct);
        Assert.Equal(new byte[] { 0x01, 0x01 }, await bed.LastWriteAsync(racp, ct));
        Assert.Equal(1, run.Counters.StoredRecordRequests);

        // The scale answers with its two stored records (70 kg at 07:05 and 07:06, user 3, BMI and height).
        await bed.NotifyAsync(weight, Convert.FromHexString("0EB036EA070B1807050003F100D206"), ct);
        await bed.NotifyAsync(weight, Convert.FromHexString("0EB036EA070B1807060003F100D206"), ct);

        await BluezTestBed.WaitUntilAsync(() => Task.FromResult(run.Counters.ReadingsStored == 6), "both records are stored", ct);
        var weights = run.StoredReadings().Where(r => r.Metric == "body_weight").ToList();
        Assert.Equal(
            [DateTimeOffset.Parse("2026-11-24T07:05:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds(),
             DateTimeOffset.Parse("2026-11-24T07:06:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds()],
            weights.Select(r => r.DeviceTimeMs));
        Assert.All(weights, r => Assert.Equal("scale-1", r.DeviceId));
        Assert.All(weights, r => Assert.Equal(70, r.Values["value"], 3));
    }

    private const string StrapPath = "/org/bluez/hci0/dev_AA_BB_CC_DD_EE_01";

    private static async Task<IReadOnlyList<string>> AddStrapAsync(BluezTestBed bed, CancellationToken ct)
    {
        await bed.AddAdapterAsync("hci0", ct);
        var strap = await bed.AddDeviceAsync("hci0", StrapAddress, "chest strap", ct);
        Assert.Equal(StrapPath, strap);
        return await bed.AddGattServiceAsync(strap, HeartRateService, [HeartRateMeasurement], ct);
    }
}
