using Telehealth.Simulators.Wearables;

namespace Telehealth.Simulators.Bench.Buffer;

/// <summary>
/// How to start a gateway process for the buffer benchmark (the ingest it forwards to is already running).
/// <see cref="DeployedEnvironment"/> (the systemd unit's runtime settings) is set after the benchmark's own variables, and
/// <paramref name="ExtraEnvironment"/> last (experiments: GC settings, batch sizes).
/// </summary>
public sealed record GatewayLaunch(
    string GatewayDll,
    Uri IngestUrl,
    string SecretFile,
    string GatewayId,
    string PatientId,
    string WorkDirectory,
    IReadOnlyList<KeyValuePair<string, string>> ExtraEnvironment)
{
    /// <summary>The passwords of the benchmark's simulated devices.</summary>
    public DevicePasswords Passwords { get; init; } = DevicePasswords.None;

    /// <summary>The <c>DOTNET_*</c> settings of the gateway's systemd unit (<see cref="DeployedRuntimeEnvironment"/>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> DeployedEnvironment { get; init; } = [];

    /// <summary>The <c>Devices__Mqtt__N__…</c> variables that enrol the benchmark's devices on the gateway.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Enrolment { get; init; } = [];
}
