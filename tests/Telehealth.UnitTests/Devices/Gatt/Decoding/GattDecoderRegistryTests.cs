using Telehealth.Gateway.Devices.Gatt.Decoding;
using Telehealth.Gateway.Devices.Gatt.HeartRate;

namespace Telehealth.UnitTests.Devices.Gatt.Decoding;

public sealed class GattDecoderRegistryTests
{
    private readonly GattDecoderRegistry _registry = new();

    [Theory]
    [InlineData("2a37", 0x2A37)]
    [InlineData("0x2A35", 0x2A35)]
    [InlineData("00002a9d-0000-1000-8000-00805f9b34fb", 0x2A9D)]
    [InlineData("2A5E", 0x2A5E)]
    [InlineData("2a5f", 0x2A5F)]
    [InlineData("2a1c", 0x2A1C)]
    [InlineData("2a5b", 0x2A5B)]
    [InlineData("2a63", 0x2A63)]
    [InlineData("2a53", 0x2A53)]
    public void TryGet_KnownCharacteristicText_FindsItsDecoder(string text, int uuid)
    {
        Assert.True(_registry.TryGet(text, out var decoder));
        Assert.Equal(uuid, decoder.Characteristic);
        Assert.True(_registry.TryGet(GattUuid.ToGuid((ushort)uuid), out var byGuid));
        Assert.Same(decoder, byGuid);
    }

    [Fact]
    public void TryGet_UnknownCharacteristic_IsFalse()
    {
        Assert.False(_registry.TryGet(0x2A19, out _));
        Assert.False(_registry.TryGet("battery", out _));
    }

    [Fact]
    public void Constructor_TwoDecodersForOneCharacteristic_Throws()
    {
        Assert.Throws<ArgumentException>(() => new GattDecoderRegistry([new HeartRateMeasurementDecoder(), new HeartRateMeasurementDecoder()]));
    }

    [Fact]
    public void Constructor_ZoneOffsetNotWholeMinutes_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GattDecoderRegistry(TimeSpan.FromSeconds(30)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GattDecoderRegistry(TimeSpan.FromHours(15)));
    }

    [Fact]
    public void Decode_LastRepresentableDayInANegativeZone_FailsInsteadOfThrowing()
    {
        var registry = new GattDecoderRegistry(TimeSpan.FromHours(-14));
        Assert.True(registry.TryGet(GattCharacteristics.WeightMeasurement, out var decoder));

        var result = decoder.Decode([0x02, 0xB0, 0x36, 0x0F, 0x27, 12, 31, 23, 0, 0]);

        Assert.False(result.IsSuccess);
        Assert.Contains("outside the representable time range", result.Error, StringComparison.Ordinal);
    }
}
