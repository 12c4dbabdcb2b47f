namespace Telehealth.Gateway.Devices.Sensors.Hosting;

/// <summary>The wired sensors on <c>/status</c>: totals, the session state and every device.</summary>
public sealed record SensorAdapterStatus(
    long Reads,
    long Failures,
    long ReadingsAppended,
    bool SessionActive,
    int SessionFeaturesPending,
    IReadOnlyList<SensorDeviceStatus> Devices);
