namespace Telehealth.Gateway.Core.Readings;

/// <summary>
/// A normalised reading as every adapter (MQTT, BLE, I2C/GPIO, edge analytics) hands it to the buffer.
/// The metric, unit and component names come from <c>MetricCatalog</c>.
/// </summary>
/// <param name="DeviceId">The enrolled device's id on this gateway.</param>
/// <param name="Metric">Metric name from the catalogue.</param>
/// <param name="Unit">The catalogue's UCUM unit for the metric.</param>
/// <param name="DeviceTimeMs">The device's timestamp (Unix ms, UTC); the gateway's receive time when the device has no clock.</param>
/// <param name="ReceivedAtMs">When the gateway received it (Unix ms by the gateway's clock).</param>
/// <param name="Values">Component name → value.</param>
public sealed record DeviceReading(
    string DeviceId,
    string Metric,
    string Unit,
    long DeviceTimeMs,
    long ReceivedAtMs,
    IReadOnlyDictionary<string, double> Values);
