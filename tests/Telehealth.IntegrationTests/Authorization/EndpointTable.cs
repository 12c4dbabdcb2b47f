using System.Net.Http.Json;
using Telehealth.Ingest.Contracts.Batches;
using Telehealth.Ingest.Contracts.Enrolment;
using Telehealth.Ingest.Contracts.Heartbeats;

namespace Telehealth.IntegrationTests.Authorization;

/// <summary>Every endpoint that needs a credential. Other features add their rows here.</summary>
public static class EndpointTable
{
    public static IReadOnlyList<EndpointRow> Rows { get; } =
    [
        new("batches", HttpMethod.Post, IngestRoutes.Batches, CredentialKind.Gateway, Batch),
        new("heartbeat", HttpMethod.Post, IngestRoutes.Heartbeats, CredentialKind.Gateway, Heartbeat),
        new("heartbeat-read", HttpMethod.Get, "/api/v1/gateways/{id}/heartbeat", CredentialKind.Gateway, _ => null),
        new("secret-rotate", HttpMethod.Post, IngestRoutes.GatewaySecretTemplate, CredentialKind.Gateway, _ => null),
        new("enrolment", HttpMethod.Post, IngestRoutes.Enrolment, CredentialKind.EnrolmentCode, _ => null, ValidOnOtherStatus: 401),
        new("admin-create", HttpMethod.Post, IngestRoutes.AdminGateways, CredentialKind.Operator,
            t => JsonContent.Create(new { id = "gw-new-" + t.GatewayId, patientId = t.PatientId })),
        new("admin-read", HttpMethod.Get, IngestRoutes.AdminGateways + "/{id}", CredentialKind.Operator, _ => null),
        new("admin-code", HttpMethod.Post, IngestRoutes.AdminGateways + "/{id}/enrolment-code", CredentialKind.Operator, _ => null),
        new("admin-revoke", HttpMethod.Post, IngestRoutes.AdminGateways + "/{id}/revoke", CredentialKind.Operator, _ => null),
        new("admin-device-add", HttpMethod.Put, IngestRoutes.AdminGateways + "/{id}/devices/{deviceId}", CredentialKind.Operator,
            _ => JsonContent.Create(new { kind = "scale" })),
        new("admin-device-remove", HttpMethod.Delete, IngestRoutes.AdminGateways + "/{id}/devices/{deviceId}", CredentialKind.Operator, _ => null),
        new("fleet-list", HttpMethod.Get, "/api/v1/fleet/gateways", CredentialKind.Operator, _ => null),
        new("fleet-read", HttpMethod.Get, "/api/v1/fleet/gateways/{id}", CredentialKind.Operator, _ => null),
        new("alerts-list", HttpMethod.Get, "/api/v1/alerts?patientId={patientId}", CredentialKind.Therapist, _ => null),
        new("alert-read", HttpMethod.Get, "/api/v1/alerts/{alertId}", CredentialKind.Therapist, _ => null),
        new("alert-acknowledge", HttpMethod.Post, "/api/v1/alerts/{alertId}/acknowledge", CredentialKind.Therapist,
            _ => JsonContent.Create(new { note = "seen" })),
        new("alert-resolve", HttpMethod.Post, "/api/v1/alerts/{alertId}/resolve", CredentialKind.Therapist,
            _ => JsonContent.Create(new { note = "called the citizen", reason = "treated" })),
        new("alert-note", HttpMethod.Post, "/api/v1/alerts/{alertId}/notes", CredentialKind.Therapist, _ => JsonContent.Create(new { text = "note" })),
        new("patient-readings", HttpMethod.Get, "/api/v1/patients/{patientId}/readings?metric=heart_rate", CredentialKind.Therapist, _ => null),
    ];

    public static EndpointRow Get(string name) => Rows.Single(r => r.Name == name);

    private static JsonContent Batch(RequestTarget target)
    {
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        return JsonContent.Create(new IngestBatch(target.GatewayId, target.PatientId,
            [new IngestReading(1, target.DeviceId, "heart_rate", "/min", now - 1000, now, new Dictionary<string, double> { ["value"] = 72 })]),
            IngestJsonContext.Default.IngestBatch);
    }

    private static JsonContent Heartbeat(RequestTarget target)
        => JsonContent.Create(new GatewayHeartbeat(target.GatewayId, "test", TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds(), 0, 0, null, 0, false, [], null),
            IngestJsonContext.Default.GatewayHeartbeat);

    /// <summary>The body of an enrolment attempt (the code is the credential).</summary>
    public static JsonContent Enrolment(string gatewayId, string code)
        => JsonContent.Create(new EnrolmentRequest(gatewayId, code), EnrolmentJsonContext.Default.EnrolmentRequest);
}
