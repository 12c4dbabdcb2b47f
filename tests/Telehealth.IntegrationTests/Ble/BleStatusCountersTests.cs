using System.Text.Json;

namespace Telehealth.IntegrationTests.Ble;

/// <summary>
/// The real gateway process with its BLE adapter on dbusmock's bluez5 (private bus): /status adapters.ble counts
/// enrolled devices seen, connections now, unknown devices ignored, values decoded and rejected, reconnects, and the
/// records a Record Access Control Point request fetched (only those: live values after the RACP response are not).
/// </summary>
public sealed class BleStatusCountersTests
{
    private const string ScaleAddress = "AA:BB:CC:DD:EE:02";

    /// <summary>Weight Measurement: 70 kg, timestamp 2026-11-24 hh:mm:00, user 3, BMI and height.</summary>
    private static byte[] Weight(int hour, int minute)
        => Convert.FromHexString($"0EB036EA070B18{hour:X2}{minute:X2}0003F100D206");

    [Fact]
    public async Task Status_Counts_Ble_Devices_Values_Reconnects_And_Fetched_Records()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = timeout.Token;
        await using var bed = await BluezTestBed.StartAsync(ct);
        await bed.AddAdapterAsync("hci0", ct);
        var scale = await bed.AddDeviceAsync("hci0", ScaleAddress, "scale", ct);
        var chars = await bed.AddGattServiceAsync(scale, 0x181D, [0x2A9D, 0x2A52], ct);
        var (weight, racp) = (chars[0], chars[1]);
        await bed.AddDeviceAsync("hci0", "AA:BB:CC:DD:EE:99", "neighbour's watch", ct);
        await using var pipeline = await Fixtures.Pipeline.StartAsync(new Dictionary<string, string>
        {
            ["Ble__BusAddress"] = bed.Address,
            ["Ble__ReconnectInitialDelay"] = "00:00:00.2",
            ["Ble__Devices__0__Id"] = "scale-1",
            ["Ble__Devices__0__Address"] = ScaleAddress,
        }, cancellationToken: ct);

        static JsonElement Ble(JsonElement status) => status.GetProperty("adapters").GetProperty("ble");
        static long Count(JsonElement status, string name) => Ble(status).GetProperty(name).GetInt64();

        await pipeline.WaitForGatewayAsync(s => Count(s, "connectedNow") == 1, "the scale connected", ct);
        await bed.NotifyAsync(weight, Weight(8, 0), ct);
        await bed.NotifyAsync(weight, [0x0E], ct);
        await pipeline.WaitForGatewayAsync(s => Count(s, "decoded") == 1 && Count(s, "rejected") == 1, "one value decoded, one rejected", ct);

        await bed.DropConnectionAsync(scale, ct);
        await pipeline.WaitForGatewayAsync(s => Count(s, "reconnects") == 1 && Count(s, "connectedNow") == 1, "the scale reconnected", ct);
        await bed.NotifyAsync(weight, Weight(7, 5), ct);
        await bed.NotifyAsync(weight, Weight(7, 6), ct);
        await bed.NotifyAsync(racp, [0x06, 0x00, 0x01, 0x01], ct); // Response Code: Report stored records, success
        await bed.NotifyAsync(weight, Weight(8, 1), ct);
        // A value is counted decoded before its readings are committed to the buffer: wait for both.
        await pipeline.WaitForGatewayAsync(s => Count(s, "decoded") == 4 && Count(s, "readingsStored") == 12, "four values decoded and stored", ct);

        var status = await pipeline.GatewayStatusAsync(ct);
        Assert.Equal(1, Count(status, "enrolledDevicesSeen"));
        Assert.Equal(1, Count(status, "unknownDevicesIgnored"));
        Assert.Equal(2, Count(status, "connections"));
        Assert.Equal(5, Count(status, "notifications"));
        Assert.Equal(1, Count(status, "rejected"));
        Assert.Equal(1, Count(status, "storedRecordRequests"));
        Assert.Equal(2, Count(status, "storedRecordsFetched"));
        Assert.Equal(12, Count(status, "readingsStored")); // weight, BMI and height per value
        Assert.Equal(0, status.GetProperty("adapters").GetProperty("sensors").GetProperty("devices").GetArrayLength());
    }
}
