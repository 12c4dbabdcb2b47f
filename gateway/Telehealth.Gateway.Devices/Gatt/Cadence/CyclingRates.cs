using Telehealth.Gateway.Core.Readings;

namespace Telehealth.Gateway.Devices.Gatt.Cadence;

/// <summary>Cadence and speed derived from two successive CSC or Cycling Power values; null when not known yet.</summary>
/// <param name="CadencePerMinute">Crank revolutions per minute (catalogue metric cadence, /min).</param>
/// <param name="SpeedMetresPerSecond">Wheel speed (catalogue metric speed, m/s).</param>
public sealed record CyclingRates(double? CadencePerMinute, double? SpeedMetresPerSecond)
{
    /// <summary>The known rates as readings at the receive time (the counters carry no wall-clock time).</summary>
    public IReadOnlyList<DeviceReading> ToDeviceReadings(string deviceId, DateTimeOffset receivedAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(deviceId);
        var ms = receivedAt.ToUnixTimeMilliseconds();
        var readings = new List<DeviceReading>(2);
        if (CadencePerMinute is { } cadence)
        {
            readings.Add(new DeviceReading(deviceId, "cadence", "/min", ms, ms, new Dictionary<string, double> { ["value"] = cadence }));
        }

        if (SpeedMetresPerSecond is { } speed)
        {
            readings.Add(new DeviceReading(deviceId, "speed", "m/s", ms, ms, new Dictionary<string, double> { ["value"] = speed }));
        }

        return readings;
    }
}
