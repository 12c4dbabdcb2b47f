namespace Telehealth.Gateway.Devices.Sensors.Hosting;

/// <summary>
/// One wired device on <c>/status</c>. For polled sensors: <paramref name="Reads"/> samples read,
/// <paramref name="Failures"/> bus errors (failed opens and reads), <paramref name="NotReady"/> polls without a
/// conversion (HX711), <paramref name="SinkErrors"/> appends the buffer refused. For the session button
/// <paramref name="Reads"/> counts presses handled. <paramref name="ReadingsAppended"/>: readings committed under
/// this device id (a sensor's own readings and the session features it produced). No reading values.
/// </summary>
public sealed record SensorDeviceStatus(
    string Id,
    string Kind,
    string Bus,
    string Wiring,
    string State,
    long Reads,
    long Failures,
    long NotReady,
    long SinkErrors,
    long Opens,
    long ReadingsAppended,
    string? LastError);
