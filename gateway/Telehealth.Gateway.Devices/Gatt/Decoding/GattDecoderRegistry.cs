using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Telehealth.Gateway.Devices.Gatt.BloodPressure;
using Telehealth.Gateway.Devices.Gatt.CyclingPower;
using Telehealth.Gateway.Devices.Gatt.CyclingSpeedCadence;
using Telehealth.Gateway.Devices.Gatt.HeartRate;
using Telehealth.Gateway.Devices.Gatt.PulseOximeter;
using Telehealth.Gateway.Devices.Gatt.RunningSpeedCadence;
using Telehealth.Gateway.Devices.Gatt.Thermometer;
using Telehealth.Gateway.Devices.Gatt.WeightScale;

namespace Telehealth.Gateway.Devices.Gatt.Decoding;

/// <summary>
/// Finds the decoder for a characteristic by 16-bit UUID, 128-bit <see cref="Guid"/>, or text ("2a37", "0x2A37",
/// "00002a37-0000-1000-8000-00805f9b34fb").
/// </summary>
public sealed class GattDecoderRegistry
{
    private readonly FrozenDictionary<ushort, IGattDecoder> _decoders;

    /// <summary>All built-in decoders; Date Time fields read as UTC.</summary>
    public GattDecoderRegistry()
        : this(TimeSpan.Zero)
    {
    }

    /// <summary>All built-in decoders; Date Time fields (which carry no zone) read in the gateway's zone offset.</summary>
    public GattDecoderRegistry(TimeSpan deviceZoneOffset)
        : this(CreateBuiltIn(deviceZoneOffset))
    {
    }

    /// <summary>The given decoders; throws on two decoders for one characteristic.</summary>
    public GattDecoderRegistry(IEnumerable<IGattDecoder> decoders)
    {
        ArgumentNullException.ThrowIfNull(decoders);
        var byUuid = new Dictionary<ushort, IGattDecoder>();
        foreach (var decoder in decoders)
        {
            if (!byUuid.TryAdd(decoder.Characteristic, decoder))
            {
                throw new ArgumentException($"two decoders for {GattUuid.Format(decoder.Characteristic)}", nameof(decoders));
            }
        }

        _decoders = byUuid.ToFrozenDictionary();
    }

    /// <summary>The registered decoders.</summary>
    public IReadOnlyCollection<IGattDecoder> Decoders => _decoders.Values;

    /// <summary>Finds a decoder by 16-bit UUID.</summary>
    public bool TryGet(ushort uuid16, [NotNullWhen(true)] out IGattDecoder? decoder) => _decoders.TryGetValue(uuid16, out decoder);

    /// <summary>Finds a decoder by 128-bit UUID on the Bluetooth Base UUID.</summary>
    public bool TryGet(Guid uuid, [NotNullWhen(true)] out IGattDecoder? decoder)
    {
        decoder = null;
        return GattUuid.TryGetShort(uuid, out var uuid16) && TryGet(uuid16, out decoder);
    }

    /// <summary>Finds a decoder by UUID text: "2a37", "0x2A37" or "00002a37-0000-1000-8000-00805f9b34fb".</summary>
    public bool TryGet(string? uuid, [NotNullWhen(true)] out IGattDecoder? decoder)
    {
        decoder = null;
        return GattUuid.TryParse(uuid, out var uuid16) && TryGet(uuid16, out decoder);
    }

    private static IGattDecoder[] CreateBuiltIn(TimeSpan zoneOffset) =>
    [
        new HeartRateMeasurementDecoder(),
        new BloodPressureMeasurementDecoder(zoneOffset),
        new WeightMeasurementDecoder(zoneOffset),
        new PlxSpotCheckDecoder(zoneOffset),
        new PlxContinuousDecoder(),
        new TemperatureMeasurementDecoder(zoneOffset),
        new CscMeasurementDecoder(),
        new CyclingPowerMeasurementDecoder(),
        new RscMeasurementDecoder(),
    ];
}
