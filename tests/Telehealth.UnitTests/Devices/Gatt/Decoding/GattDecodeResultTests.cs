using Telehealth.Gateway.Devices.Gatt.BloodPressure;
using Telehealth.Gateway.Devices.Gatt.HeartRate;
using Telehealth.UnitTests.Devices.Gatt.Support;

namespace Telehealth.UnitTests.Devices.Gatt.Decoding;

public sealed class GattDecodeResultTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ToDeviceReadings_NoDeviceTimestamp_UsesReceiveTime()
    {
        var result = new HeartRateMeasurementDecoder().Decode(GattHex.Bytes("06 48"));

        var reading = Assert.Single(result.ToDeviceReadings("hr-strap-1", ReceivedAt));

        Assert.Equal("hr-strap-1", reading.DeviceId);
        Assert.Equal("heart_rate", reading.Metric);
        Assert.Equal("/min", reading.Unit);
        Assert.Equal(ReceivedAt.ToUnixTimeMilliseconds(), reading.DeviceTimeMs);
        Assert.Equal(ReceivedAt.ToUnixTimeMilliseconds(), reading.ReceivedAtMs);
        Assert.Equal(72, reading.Values["value"]);
    }

    [Fact]
    public void ToDeviceReadings_DeviceTimestampInZone_UsesItAsUtcMilliseconds()
    {
        var result = new BloodPressureMeasurementDecoder(TimeSpan.FromHours(1)).Decode(GattHex.Bytes("06 78 00 50 00 5D 00 EA 07 0B 18 0A 1E 0F 48 00"));

        var readings = result.ToDeviceReadings("cuff-1", ReceivedAt);

        Assert.Equal(["blood_pressure", "pulse_rate"], readings.Select(r => r.Metric));
        var expected = new DateTimeOffset(2026, 11, 24, 9, 30, 15, TimeSpan.Zero).ToUnixTimeMilliseconds();
        Assert.All(readings, r => Assert.Equal(expected, r.DeviceTimeMs));
        Assert.All(readings, r => Assert.Equal(ReceivedAt.ToUnixTimeMilliseconds(), r.ReceivedAtMs));
    }

    [Fact]
    public void ToDeviceReadings_RrIntervals_GetDistinctTimesEndingAtTheMeasurement()
    {
        var result = new HeartRateMeasurementDecoder().Decode(GattHex.Bytes("10 48 00 04 00 02"));

        var rr = result.ToDeviceReadings("hr-strap-1", ReceivedAt).Where(r => r.Metric == "rr_interval").ToList();

        var end = ReceivedAt.ToUnixTimeMilliseconds();
        Assert.Equal([end - 500, end], rr.Select(r => r.DeviceTimeMs));
    }

    [Fact]
    public void ToDeviceReadings_AllComponentsSpecial_LeavesTheReadingOut()
    {
        var result = new HeartRateMeasurementDecoder().Decode(GattHex.Bytes("00 48"));
        var spot = new Telehealth.Gateway.Devices.Gatt.PulseOximeter.PlxSpotCheckDecoder().Decode(GattHex.Bytes("00 FF 07 48 00"));

        Assert.Single(result.ToDeviceReadings("hr", ReceivedAt));
        Assert.Equal(["pulse_rate"], spot.ToDeviceReadings("ox", ReceivedAt).Select(r => r.Metric));
    }

    [Fact]
    public void ToDeviceReadings_Failure_GivesNone()
    {
        var result = new HeartRateMeasurementDecoder().Decode([]);

        Assert.Empty(result.ToDeviceReadings("hr", ReceivedAt));
    }
}
