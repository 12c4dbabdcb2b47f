using Telehealth.Gateway.Devices.Gatt.Cadence;
using Telehealth.Gateway.Devices.Gatt.CyclingPower;
using Telehealth.Gateway.Devices.Gatt.CyclingSpeedCadence;
using Telehealth.Gateway.Devices.Gatt.HeartRate;
using Telehealth.UnitTests.Devices.Gatt.Support;

namespace Telehealth.UnitTests.Devices.Gatt.Cadence;

public sealed class CyclingRateConverterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Update_TwoCscValues_GivesCadencePerMinuteAndSpeed()
    {
        var decoder = new CscMeasurementDecoder();
        var converter = new CyclingRateConverter(wheelCircumferenceMetres: 2.0);
        var first = converter.Update(decoder.Decode(GattHex.Bytes("03 0A 00 00 00 00 04 05 00 00 04")), T0);

        // +3 wheel revolutions in 1 s (1024 ticks); +1 crank revolution in 0.5 s (512 ticks).
        var second = converter.Update(decoder.Decode(GattHex.Bytes("03 0D 00 00 00 00 08 06 00 00 06")), T0.AddSeconds(1));

        Assert.Equal(new CyclingRates(null, null), first);
        Assert.Equal(6.0, second.SpeedMetresPerSecond);
        Assert.Equal(120.0, second.CadencePerMinute);
        var readings = second.ToDeviceReadings("bike-1", T0.AddSeconds(1));
        Assert.Equal(["cadence", "speed"], readings.Select(r => r.Metric));
        Assert.Equal(["/min", "m/s"], readings.Select(r => r.Unit));
    }

    [Fact]
    public void Update_CyclingPowerWheel_Uses2048TicksPerSecond()
    {
        var decoder = new CyclingPowerMeasurementDecoder();
        var converter = new CyclingRateConverter(wheelCircumferenceMetres: 2.0);
        converter.Update(decoder.Decode(new GattWriter().U16(0x30).U16(100).U32(10).U16(2048).U16(5).U16(1024).ToArray()), T0);

        var rates = converter.Update(decoder.Decode(new GattWriter().U16(0x30).U16(100).U32(12).U16(4096).U16(6).U16(2048).ToArray()), T0.AddSeconds(1));

        Assert.Equal(4.0, rates.SpeedMetresPerSecond);
        Assert.Equal(60.0, rates.CadencePerMinute);
    }

    [Fact]
    public void Update_OtherCharacteristic_GivesNoRates()
    {
        var converter = new CyclingRateConverter(2.1);

        var rates = converter.Update(new HeartRateMeasurementDecoder().Decode(GattHex.Bytes("00 48")), T0);

        Assert.Empty(rates.ToDeviceReadings("hr-1", T0));
    }

    [Fact]
    public void Constructor_NonPositiveCircumference_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CyclingRateConverter(0));
    }
}
