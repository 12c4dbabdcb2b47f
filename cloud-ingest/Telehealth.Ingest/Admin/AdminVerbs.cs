using System.Globalization;
using Telehealth.Metadata.Audit;
using Telehealth.Metadata.Gateways;
using Telehealth.Metadata.People;

namespace Telehealth.Ingest.Admin;

/// <summary>The verbs of <see cref="AdminCommand"/> over the stores; each change is audited.</summary>
internal sealed class AdminVerbs(PatientStore patients, StaffStore staff, GatewayStore gateways, AuditLog audit, TimeProvider time, TextWriter stdout, TextWriter stderr)
{
    private const string ActorKind = "admin-cli";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        switch (args)
        {
            case ["operator", "create", var id]:
                var operatorToken = await staff.CreateOperatorAsync(AdminCommand.Pseudonymous(id, "operator id"), cancellationToken);
                await AuditAsync("admin.operators.create", null, id, cancellationToken);
                return await SecretAsync(operatorToken, $"bearer token of operator {id} (shown once)");
            case ["patient", "create", var id, .. var rest]:
                var condition = Option(rest, "--condition");
                await patients.UpsertAsync(AdminCommand.Pseudonymous(id, "patient id"), condition, 60, null, cancellationToken);
                await AuditAsync("admin.patients.create", id, condition, cancellationToken);
                return await DoneAsync($"patient {id} saved");
            case ["care-team", "create", var id, var name]:
                await patients.CreateCareTeamAsync(AdminCommand.Pseudonymous(id, "care team id"), name, cancellationToken);
                await AuditAsync("admin.care-teams.create", null, id, cancellationToken);
                return await DoneAsync($"care team {id} saved");
            case ["care-team", "assign", var team, var patient]:
                await patients.AssignAsync(AdminCommand.Pseudonymous(team, "care team id"), AdminCommand.Pseudonymous(patient, "patient id"), cancellationToken);
                await AuditAsync("admin.care-teams.assign", patient, team, cancellationToken);
                return await DoneAsync($"patient {patient} is in care team {team}'s care");
            case ["therapist", "create", var id, .. var rest]:
                var team2 = Option(rest, "--care-team") ?? throw new AdminUsageException("therapist create needs --care-team T");
                var therapistToken = await staff.CreateTherapistAsync(AdminCommand.Pseudonymous(id, "therapist id"), AdminCommand.Pseudonymous(team2, "care team id"), cancellationToken);
                await AuditAsync("admin.therapists.create", null, $"{id} in {team2}", cancellationToken);
                return await SecretAsync(therapistToken, $"bearer token of therapist {id} (shown once)");
            case ["gateway", "create", var id, .. var rest]:
                var patientId = Option(rest, "--patient") ?? throw new AdminUsageException("gateway create needs --patient P");
                var code = await gateways.CreateAsync(AdminCommand.Pseudonymous(id, "gateway id"), AdminCommand.Pseudonymous(patientId, "patient id"), cancellationToken)
                    ?? throw new ArgumentException($"gateway '{id}' exists already; use 'gateway code {id}' for a new enrolment code");
                await AuditAsync("admin.gateways.create", patientId, id, cancellationToken);
                return await SecretAsync(code.Value, $"one-time enrolment code of gateway {id} for patient {patientId}, valid until {Format(code.ExpiresAt)}");
            case ["gateway", "code", var id]:
                var gateway = await gateways.GetAsync(id, cancellationToken) ?? throw new ArgumentException($"gateway '{id}' does not exist");
                var newCode = await gateways.IssueCodeAsync(id, cancellationToken);
                await AuditAsync("admin.gateways.code", gateway.PatientId, id, cancellationToken);
                return await SecretAsync(newCode.Value, $"one-time enrolment code of gateway {id}, valid until {Format(newCode.ExpiresAt)}; exchanging it replaces the gateway's secret");
            case ["gateway", "revoke", var id]:
                if (!await gateways.RevokeAsync(id, cancellationToken))
                {
                    throw new ArgumentException($"gateway '{id}' does not exist");
                }

                await AuditAsync("admin.gateways.revoke", (await gateways.GetAsync(id, cancellationToken))?.PatientId, id, cancellationToken);
                return await DoneAsync($"gateway {id} revoked (running ingest instances refuse it within Gateways:AuthenticationCacheSeconds)");
            case ["device", "add", var gatewayId, var deviceId, .. var rest]:
                if (!await gateways.AddDeviceAsync(gatewayId, deviceId, Option(rest, "--kind"), cancellationToken))
                {
                    throw new ArgumentException($"gateway '{gatewayId}' does not exist");
                }

                await AuditAsync("admin.devices.add", null, $"{gatewayId}/{deviceId}", cancellationToken);
                return await DoneAsync($"device {deviceId} enrolled on gateway {gatewayId}");
            case ["device", "remove", var gatewayId, var deviceId]:
                if (!await gateways.RemoveDeviceAsync(gatewayId, deviceId, cancellationToken))
                {
                    throw new ArgumentException($"device '{deviceId}' is not enrolled on gateway '{gatewayId}'");
                }

                await AuditAsync("admin.devices.remove", null, $"{gatewayId}/{deviceId}", cancellationToken);
                return await DoneAsync($"device {deviceId} removed from gateway {gatewayId}");
            default:
                throw new AdminUsageException(args.Length == 0 ? "no verb given" : $"unknown or incomplete command '{string.Join(' ', args)}'");
        }
    }

    /// <summary>The value of the one optional <paramref name="name"/> option in <paramref name="rest"/>, or null when absent.</summary>
    private static string? Option(string[] rest, string name) => rest switch
    {
        [] => null,
        [var flag, var value] when flag == name && !value.StartsWith("--", StringComparison.Ordinal) => value,
        [var flag] when flag == name => throw new AdminUsageException($"{name} needs a value"),
        _ => throw new AdminUsageException($"unexpected arguments '{string.Join(' ', rest)}' (expected {name} VALUE)"),
    };

    private async Task<int> SecretAsync(string value, string note)
    {
        await stdout.WriteLineAsync(value);
        await stderr.WriteLineAsync(note);
        return 0;
    }

    private async Task<int> DoneAsync(string note)
    {
        await stderr.WriteLineAsync(note);
        return 0;
    }

    private Task AuditAsync(string action, string? patientId, string? detail, CancellationToken cancellationToken)
        => audit.WriteAsync(new AuditEntry(time.GetUtcNow(), ActorKind, Environment.UserName, action, patientId, AuditOutcome.Allowed, Detail: detail), cancellationToken);

    private static string Format(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
