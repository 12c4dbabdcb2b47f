namespace Telehealth.Simulators.Chaos;

/// <summary>What <c>telehealth-sim chaos-kill9</c> runs against and how hard it shakes it.</summary>
/// <param name="GatewayDll">The gateway's built <c>Telehealth.Gateway.dll</c>, started as <c>dotnet GatewayDll</c>.</param>
/// <param name="Directory">Where the buffer, the logs and the sample logs go.</param>
/// <param name="IngestUrl">The running cloud-ingest the gateway forwards to.</param>
/// <param name="SecretFile">The gateway's secret, known to the ingest.</param>
/// <param name="GatewayId">The gateway id the ingest knows.</param>
/// <param name="PatientId">The patient the gateway is bound to; all points of this patient are counted.</param>
/// <param name="Influx">InfluxDB 1.x HTTP API (or anything answering InfluxQL on <c>/query</c>).</param>
/// <param name="Database">The database the ingest writes to.</param>
/// <param name="Cycles">How many times the gateway is killed with SIGKILL and started again.</param>
/// <param name="Seed">Seeds the kill moments and the devices' readings.</param>
/// <param name="MinLife">Shortest life of a gateway between its start and its kill.</param>
/// <param name="MaxLife">Longest life of a gateway between its start and its kill.</param>
/// <param name="StartupKillShare">Share of cycles that kill the gateway at a random moment of its start-up.</param>
/// <param name="Devices">Simulated devices publishing throughout.</param>
/// <param name="Rate">Messages per second per device; 0 = as fast as the gateway acknowledges.</param>
/// <param name="SamplesPerMessage">Samples per message of the batching devices (every third device).</param>
/// <param name="DrainTimeout">How long the last gateway may take to forward its buffer.</param>
public sealed record Kill9Settings(
    string GatewayDll,
    string Directory,
    Uri IngestUrl,
    string SecretFile,
    string GatewayId,
    string PatientId,
    Uri Influx,
    string Database,
    int Cycles,
    int Seed,
    TimeSpan MinLife,
    TimeSpan MaxLife,
    double StartupKillShare,
    int Devices,
    double Rate,
    int SamplesPerMessage,
    TimeSpan DrainTimeout);
