using Telehealth.Gateway.Core.Readings;
using Telehealth.Ingest.Contracts.Metrics;

namespace Telehealth.Gateway.Devices.Analytics;

/// <summary>Builds single-value readings with the unit the metric catalogue prescribes.</summary>
public static class CatalogReadings
{
    public const string JointAngle = "joint_angle";
    public const string RangeOfMotion = "range_of_motion";
    public const string Repetitions = "repetitions";
    public const string SessionDuration = "session_duration";
    public const string Cadence = "cadence";
    public const string GripForce = "grip_force";
    public const string Sway = "sway";
    public const string BodyTemperature = "body_temperature";
    public const string Spo2 = "spo2";
    public const string PulseRate = "pulse_rate";

    /// <summary>A reading of one value of <paramref name="metric"/>, in the catalogue's unit.</summary>
    public static DeviceReading Create(string deviceId, string metric, double value, DateTimeOffset deviceTime, DateTimeOffset receivedAt)
    {
        if (!MetricCatalog.TryGet(metric, out var definition))
        {
            throw new ArgumentException($"Metric '{metric}' is not in the catalogue.", nameof(metric));
        }

        return new DeviceReading(
            deviceId,
            metric,
            definition.Unit,
            deviceTime.ToUnixTimeMilliseconds(),
            receivedAt.ToUnixTimeMilliseconds(),
            new Dictionary<string, double>(1, StringComparer.Ordinal) { [MetricDefinition.SingleValue] = value });
    }
}
