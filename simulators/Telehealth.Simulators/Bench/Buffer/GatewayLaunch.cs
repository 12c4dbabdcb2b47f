namespace Telehealth.Simulators.Bench.Buffer;

/// <summary>
/// How to start a gateway process for the buffer benchmark (the ingest it forwards to is already running).
/// <paramref name="ExtraEnvironment"/> is set after the benchmark's own variables (experiments: GC settings, batch sizes).
/// </summary>
public sealed record GatewayLaunch(
    string GatewayDll,
    Uri IngestUrl,
    string SecretFile,
    string GatewayId,
    string PatientId,
    string WorkDirectory,
    IReadOnlyList<KeyValuePair<string, string>> ExtraEnvironment);
