namespace Telehealth.Simulators.Bench.Buffer;

/// <summary>How to start a gateway process for the buffer benchmark (the ingest it forwards to is already running).</summary>
public sealed record GatewayLaunch(
    string GatewayDll,
    Uri IngestUrl,
    string SecretFile,
    string GatewayId,
    string PatientId,
    string WorkDirectory);
