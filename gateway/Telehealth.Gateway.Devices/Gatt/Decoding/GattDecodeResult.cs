using Telehealth.Gateway.Core.Readings;

namespace Telehealth.Gateway.Devices.Gatt.Decoding;

/// <summary>
/// The outcome of decoding one characteristic value: either readings, the device time and extra fields, or a failure
/// with a reason a person can act on.
/// </summary>
public sealed class GattDecodeResult
{
    private static readonly IReadOnlyDictionary<string, object> NoFields = new Dictionary<string, object>();

    private GattDecodeResult(
        ushort characteristic,
        string characteristicName,
        string? error,
        IReadOnlyList<GattReading> readings,
        DateTimeOffset? deviceTime,
        IReadOnlyDictionary<string, object> fields)
    {
        Characteristic = characteristic;
        CharacteristicName = characteristicName;
        Error = error;
        Readings = readings;
        DeviceTime = deviceTime;
        Fields = fields;
    }

    /// <summary>The characteristic's 16-bit UUID.</summary>
    public ushort Characteristic { get; }

    /// <summary>The characteristic's name.</summary>
    public string CharacteristicName { get; }

    /// <summary>True when the value decoded.</summary>
    public bool IsSuccess => Error is null;

    /// <summary>Why the value is malformed; null on success.</summary>
    public string? Error { get; }

    /// <summary>Catalogue readings (empty for a failure, and for CSC, whose counters need two values).</summary>
    public IReadOnlyList<GattReading> Readings { get; }

    /// <summary>The device's timestamp when the value carries one (GATT Date Time in the configured zone).</summary>
    public DateTimeOffset? DeviceTime { get; }

    /// <summary>
    /// Flags and extra fields by name (see <see cref="GattFieldNames"/>). Values are <see cref="bool"/>,
    /// <see cref="long"/>, <see cref="double"/>, <see cref="string"/> (also special tokens), or lists of
    /// <see cref="double"/> or <see cref="string"/>.
    /// </summary>
    public IReadOnlyDictionary<string, object> Fields { get; }

    /// <summary>A successful result.</summary>
    public static GattDecodeResult Success(
        ushort characteristic,
        string characteristicName,
        IReadOnlyList<GattReading> readings,
        DateTimeOffset? deviceTime,
        IReadOnlyDictionary<string, object> fields)
        => new(characteristic, characteristicName, null, readings, deviceTime, fields);

    /// <summary>A failure with a non-empty reason.</summary>
    public static GattDecodeResult Failure(ushort characteristic, string characteristicName, string reason)
        => new(characteristic, characteristicName, string.IsNullOrWhiteSpace(reason) ? "malformed value" : reason, [], null, NoFields);

    /// <summary>
    /// The readings as <see cref="DeviceReading"/>s. The device time is the value's timestamp, or
    /// <paramref name="receivedAt"/> when it has none; readings whose components are all special values carry no
    /// number and are left out (they stay visible in <see cref="GattReading.SpecialValues"/>). A failure gives none.
    /// </summary>
    public IReadOnlyList<DeviceReading> ToDeviceReadings(string deviceId, DateTimeOffset receivedAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(deviceId);
        if (!IsSuccess)
        {
            return [];
        }

        var measuredAt = DeviceTime ?? receivedAt;
        var receivedMs = receivedAt.ToUnixTimeMilliseconds();
        var readings = new List<DeviceReading>(Readings.Count);
        foreach (var reading in Readings)
        {
            if (reading.Values.Count == 0)
            {
                continue;
            }

            var deviceMs = (measuredAt + reading.TimeOffset).ToUnixTimeMilliseconds();
            readings.Add(new DeviceReading(deviceId, reading.Metric, reading.Unit, deviceMs, receivedMs, reading.Values));
        }

        return readings;
    }
}
