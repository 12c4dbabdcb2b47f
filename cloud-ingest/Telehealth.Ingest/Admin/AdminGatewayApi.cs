using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Telehealth.Ingest.Contracts.Batches;
using Telehealth.Ingest.Contracts.Identity;
using Telehealth.Ingest.Gateways;
using Telehealth.Metadata.Gateways;

namespace Telehealth.Ingest.Admin;

/// <summary>
/// The operators' gateway administration under <c>/api/v1/admin/gateways</c>: create (answers the one-time enrolment
/// code), read, issue a new code, revoke, enrol and remove devices. Operators authenticate with their bearer token;
/// every action, allowed or refused, is audited.
/// </summary>
public static class AdminGatewayApi
{
    public static IEndpointRouteBuilder MapAdminGateways(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(IngestRoutes.AdminGateways).WithTags("Admin")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("", CreateAsync).Accepts<CreateGatewayRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Create a gateway bound to a patient; answers its one-time enrolment code");
        group.MapGet("/{id}", GetAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A gateway's state and enrolled devices (no secrets)");
        group.MapPost("/{id}/enrolment-code", IssueCodeAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Issue a new one-time enrolment code; exchanging it replaces the gateway's secret");
        group.MapPost("/{id}/revoke", RevokeAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Revoke a gateway: its secret is refused at once");
        group.MapPut("/{id}/devices/{deviceId}", AddDeviceAsync).Accepts<DeviceEnrolmentRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Enrol a device on a gateway");
        group.MapDelete("/{id}/devices/{deviceId}", RemoveDeviceAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Remove a device from a gateway (its readings are refused from now on)");
        return app;
    }

    private static async Task<Results<Created<EnrolmentCodeIssued>, ProblemHttpResult>> CreateAsync(
        HttpContext http, OperatorAuthenticator operators, GatewayStore store, SecurityEvents security, CancellationToken cancellationToken)
    {
        const string action = "admin.gateways.create";
        var (op, refusal) = await operators.AuthenticateAsync(http, action, null, cancellationToken);
        if (op is null)
        {
            return refusal!;
        }

        CreateGatewayRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<CreateGatewayRequest>(http.Request.Body, JsonSerializerOptions.Web, cancellationToken);
        }
        catch (JsonException ex)
        {
            return TypedResults.Problem(statusCode: 400, title: "Malformed request", detail: ex.Message);
        }

        var error = PseudonymousId.Validate(request?.Id, "id") ?? PseudonymousId.Validate(request?.PatientId, "patientId");
        if (error is not null)
        {
            return TypedResults.Problem(statusCode: 400, title: "Invalid gateway", detail: error);
        }

        var code = await store.CreateAsync(request!.Id!, request.PatientId!, cancellationToken);
        if (code is null)
        {
            return TypedResults.Problem(statusCode: 409, title: "Gateway exists", detail: $"gateway '{request.Id}' exists already; issue a new enrolment code instead");
        }

        await security.AllowedAsync(op.Kind, op.Id, action, request.PatientId, request.Id, cancellationToken);
        return TypedResults.Created($"{IngestRoutes.AdminGateways}/{request.Id}",
            new EnrolmentCodeIssued(request.Id!, request.PatientId!, code.Value, code.ExpiresAt));
    }

    private static async Task<Results<Ok<GatewayRecord>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, OperatorAuthenticator operators, GatewayStore store, SecurityEvents security, CancellationToken cancellationToken)
    {
        const string action = "admin.gateways.read";
        var (op, refusal) = await operators.AuthenticateAsync(http, action, null, cancellationToken);
        if (op is null)
        {
            return refusal!;
        }

        var gateway = await store.GetAsync(id, cancellationToken);
        if (gateway is null)
        {
            return NotFound(id);
        }

        await security.AllowedAsync(op.Kind, op.Id, action, gateway.PatientId, id, cancellationToken);
        return TypedResults.Ok(gateway);
    }

    private static async Task<Results<Ok<EnrolmentCodeIssued>, ProblemHttpResult>> IssueCodeAsync(
        string id, HttpContext http, OperatorAuthenticator operators, GatewayStore store, SecurityEvents security, CancellationToken cancellationToken)
    {
        const string action = "admin.gateways.code";
        var (op, refusal) = await operators.AuthenticateAsync(http, action, null, cancellationToken);
        if (op is null)
        {
            return refusal!;
        }

        var gateway = await store.GetAsync(id, cancellationToken);
        if (gateway is null)
        {
            return NotFound(id);
        }

        var code = await store.IssueCodeAsync(id, cancellationToken);
        await security.AllowedAsync(op.Kind, op.Id, action, gateway.PatientId, id, cancellationToken);
        return TypedResults.Ok(new EnrolmentCodeIssued(id, gateway.PatientId, code.Value, code.ExpiresAt));
    }

    private static async Task<Results<Ok<GatewayRecord>, ProblemHttpResult>> RevokeAsync(
        string id, HttpContext http, OperatorAuthenticator operators, GatewayStore store, GatewayAuthenticator gateways, SecurityEvents security,
        CancellationToken cancellationToken)
    {
        const string action = "admin.gateways.revoke";
        var (op, refusal) = await operators.AuthenticateAsync(http, action, null, cancellationToken);
        if (op is null)
        {
            return refusal!;
        }

        if (!await store.RevokeAsync(id, cancellationToken))
        {
            return NotFound(id);
        }

        gateways.Forget(id);
        var gateway = (await store.GetAsync(id, cancellationToken))!;
        await security.AllowedAsync(op.Kind, op.Id, action, gateway.PatientId, id, cancellationToken);
        return TypedResults.Ok(gateway);
    }

    private static async Task<Results<Ok<GatewayRecord>, ProblemHttpResult>> AddDeviceAsync(
        string id, string deviceId, HttpContext http, OperatorAuthenticator operators, GatewayStore store, GatewayAuthenticator gateways,
        SecurityEvents security, CancellationToken cancellationToken)
    {
        const string action = "admin.devices.add";
        var (op, refusal) = await operators.AuthenticateAsync(http, action, null, cancellationToken);
        if (op is null)
        {
            return refusal!;
        }

        if (DeviceId.Validate(deviceId) is { } error)
        {
            return TypedResults.Problem(statusCode: 400, title: "Invalid device", detail: error);
        }

        DeviceEnrolmentRequest? request = null;
        if (http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            try
            {
                request = await JsonSerializer.DeserializeAsync<DeviceEnrolmentRequest>(http.Request.Body, JsonSerializerOptions.Web, cancellationToken);
            }
            catch (JsonException ex)
            {
                return TypedResults.Problem(statusCode: 400, title: "Malformed request", detail: ex.Message);
            }
        }

        if (request?.Kind is { Length: > 64 })
        {
            return TypedResults.Problem(statusCode: 400, title: "Invalid device", detail: "kind must be at most 64 characters");
        }

        if (!await store.AddDeviceAsync(id, deviceId, request?.Kind, cancellationToken))
        {
            return NotFound(id);
        }

        gateways.Forget(id);
        var gateway = (await store.GetAsync(id, cancellationToken))!;
        await security.AllowedAsync(op.Kind, op.Id, action, gateway.PatientId, $"{id}/{deviceId}", cancellationToken);
        return TypedResults.Ok(gateway);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveDeviceAsync(
        string id, string deviceId, HttpContext http, OperatorAuthenticator operators, GatewayStore store, GatewayAuthenticator gateways,
        SecurityEvents security, CancellationToken cancellationToken)
    {
        const string action = "admin.devices.remove";
        var (op, refusal) = await operators.AuthenticateAsync(http, action, null, cancellationToken);
        if (op is null)
        {
            return refusal!;
        }

        var gateway = await store.GetAsync(id, cancellationToken);
        if (gateway is null || !await store.RemoveDeviceAsync(id, deviceId, cancellationToken))
        {
            return TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"device '{deviceId}' is not enrolled on gateway '{id}'");
        }

        gateways.Forget(id);
        await security.AllowedAsync(op.Kind, op.Id, action, gateway.PatientId, $"{id}/{deviceId}", cancellationToken);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NotFound(string id)
        => TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"gateway '{id}' does not exist");
}
