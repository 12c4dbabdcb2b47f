using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Telehealth.Ingest.Contracts.Identity;
using Telehealth.Metadata.Alerts;
using Telehealth.Metadata.People;

namespace Telehealth.Ingest.Alerting;

/// <summary>
/// The therapists' alert API on <c>/api/v1/alerts</c>: list and filter, read one (with its explanation, history
/// and data link), acknowledge, resolve, add a note. Bearer token of a therapist; only the care team's patients;
/// every read or change is audited with its purpose, every refusal too. Errors are RFC 9457 problem details:
/// 400 bad input, 401 no or bad token, 403 another team's patient, 404 unknown alert, 409 illegal transition.
/// </summary>
public static class AlertsApi
{
    private const int MaxTextLength = 2000;

    private static readonly JsonSerializerOptions BodyJson = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapAlerts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/alerts")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/", ListAsync).WithSummary("Alerts of the care team's patients, newest first; filters status, patientId, category, ruleId, since");
        group.MapGet("/{id}", GetAsync).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("One alert with its explanation, history and data link");
        group.MapPost("/{id}/acknowledge", AcknowledgeAsync).Accepts<AcknowledgeRequest>("application/json")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("open → acknowledged");
        group.MapPost("/{id}/resolve", ResolveAsync).Accepts<ResolveRequest>("application/json")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("open or acknowledged → resolved");
        group.MapPost("/{id}/notes", AddNoteAsync).Accepts<NoteRequest>("application/json")
            .ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Append a note (notes are never changed or deleted)");
        return app;
    }

    private static async Task<Results<Ok<AlertList>, ProblemHttpResult>> ListAsync(
        HttpContext http, StaffAccess access, AlertStore alerts, AlertingMetrics metrics, CancellationToken cancellationToken,
        string? status = null, string? patientId = null, string? category = null, string? ruleId = null, string? since = null, int? limit = null)
    {
        var problem = CheckFilters(status, patientId, category, since, limit, out var sinceTime);
        if (problem is not null)
        {
            metrics.BadRequest();
            return problem;
        }

        var decision = await access.AuthorizeAsync(http, "alerts.list", patientId, cancellationToken);
        if (decision.Member is not { } member)
        {
            return decision.Problem!;
        }

        var found = await alerts.ListAsync(new AlertQuery
        {
            CareTeamId = member.CareTeamId, PatientId = patientId, Status = status, Category = category, RuleId = ruleId, Since = sinceTime, Limit = limit ?? 200,
        }, cancellationToken);
        foreach (var patient in found.Select(a => a.PatientId).Distinct(StringComparer.Ordinal))
        {
            await access.AllowedAsync(member, "alerts.list", patient, decision.Purpose, null, cancellationToken);
        }

        return TypedResults.Ok(new AlertList(found.Select(a => AlertView.From(a)).ToList()));
    }

    private static async Task<Results<Ok<AlertView>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, StaffAccess access, AlertStore alerts, CancellationToken cancellationToken)
    {
        var (member, purpose, alert, problem) = await AlertOfCallerAsync(id, http, access, alerts, "alerts.read", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        await access.AllowedAsync(member!, "alerts.read", alert!.PatientId, purpose, alert.Id, cancellationToken);
        return TypedResults.Ok(AlertView.From(alert, await alerts.NotesAsync(alert.Id, cancellationToken)));
    }

    private static async Task<Results<Ok<AlertView>, ProblemHttpResult>> AcknowledgeAsync(
        string id, HttpContext http, StaffAccess access, AlertStore alerts, AlertingMetrics metrics, AlertingSignals signals, CancellationToken cancellationToken)
    {
        var (body, bodyProblem) = await ReadBodyAsync<AcknowledgeRequest>(http, metrics, cancellationToken);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        if (TooLong(body?.Note, "note", metrics) is { } tooLong)
        {
            return tooLong;
        }

        return await ChangeAsync(id, http, access, alerts, "alerts.acknowledge",
            (alert, by, token) => alerts.AcknowledgeAsync(alert.Id, by, body?.Note, token), signals, cancellationToken);
    }

    private static async Task<Results<Ok<AlertView>, ProblemHttpResult>> ResolveAsync(
        string id, HttpContext http, StaffAccess access, AlertStore alerts, AlertingMetrics metrics, AlertingSignals signals, CancellationToken cancellationToken)
    {
        var (body, bodyProblem) = await ReadBodyAsync<ResolveRequest>(http, metrics, cancellationToken);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        if (string.IsNullOrWhiteSpace(body?.Reason) || body.Reason.Length > 200)
        {
            metrics.BadRequest();
            return TypedResults.Problem(statusCode: 400, title: "Reason required", detail: "resolve needs a reason of 1-200 characters (e.g. \"treated\", \"false alarm\")");
        }

        if (TooLong(body.Note, "note", metrics) is { } tooLong)
        {
            return tooLong;
        }

        return await ChangeAsync(id, http, access, alerts, "alerts.resolve",
            (alert, by, token) => alerts.ResolveAsync(alert.Id, by, body.Reason.Trim(), body.Note, token), signals, cancellationToken);
    }

    private static async Task<Results<Ok<AlertView>, ProblemHttpResult>> AddNoteAsync(
        string id, HttpContext http, StaffAccess access, AlertStore alerts, AlertingMetrics metrics, CancellationToken cancellationToken)
    {
        var (body, bodyProblem) = await ReadBodyAsync<NoteRequest>(http, metrics, cancellationToken);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        if (string.IsNullOrWhiteSpace(body?.Text))
        {
            metrics.BadRequest();
            return TypedResults.Problem(statusCode: 400, title: "Text required", detail: "a note needs text");
        }

        if (TooLong(body.Text, "text", metrics) is { } tooLong)
        {
            return tooLong;
        }

        return await ChangeAsync(id, http, access, alerts, "alerts.note",
            (alert, by, token) => alerts.AddNoteAsync(alert.Id, by, body.Text, token), null, cancellationToken);
    }

    /// <summary>
    /// Applies a change to the caller's alert. <paramref name="outboxSignals"/> is given for changes that put a webhook
    /// notification in the outbox (acknowledge, resolve), to wake the dispatcher.
    /// </summary>
    private static async Task<Results<Ok<AlertView>, ProblemHttpResult>> ChangeAsync(
        string id, HttpContext http, StaffAccess access, AlertStore alerts, string action,
        Func<StoredAlert, AlertActor, CancellationToken, Task<AlertTransition>> change, AlertingSignals? outboxSignals, CancellationToken cancellationToken)
    {
        var (member, purpose, alert, problem) = await AlertOfCallerAsync(id, http, access, alerts, action, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var outcome = await change(alert!, new AlertActor(member!.Kind, member.Id), cancellationToken);
        if (outcome == AlertTransition.NotFound)
        {
            return TypedResults.Problem(statusCode: 404, title: "Unknown alert", detail: $"no alert '{id}'");
        }

        if (outcome == AlertTransition.IllegalTransition)
        {
            var current = await alerts.GetAsync(alert!.Id, cancellationToken);
            return TypedResults.Problem(statusCode: 409, title: "Illegal transition",
                detail: $"the alert is {current?.Status ?? alert.Status}; {action["alerts.".Length..]} is not allowed from there");
        }

        outboxSignals?.OutboxWritten();
        await access.AllowedAsync(member, action, alert!.PatientId, purpose, alert.Id, cancellationToken);
        var updated = await alerts.GetAsync(alert.Id, cancellationToken);
        return TypedResults.Ok(AlertView.From(updated!, await alerts.NotesAsync(alert.Id, cancellationToken)));
    }

    /// <summary>401/403 for the caller, 404 for an unknown alert, 403 (audited) for another team's patient.</summary>
    private static async Task<(StaffMember? Member, string Purpose, StoredAlert? Alert, ProblemHttpResult? Problem)> AlertOfCallerAsync(
        string id, HttpContext http, StaffAccess access, AlertStore alerts, string action, CancellationToken cancellationToken)
    {
        var decision = await access.AuthorizeAsync(http, action, null, cancellationToken);
        if (decision.Member is not { } member)
        {
            return (null, "", null, decision.Problem);
        }

        var alert = id.Length > 64 ? null : await alerts.GetAsync(id, cancellationToken);
        if (alert is null)
        {
            return (null, "", null, TypedResults.Problem(statusCode: 404, title: "Unknown alert", detail: $"no alert '{(id.Length > 64 ? id[..64] : id)}'"));
        }

        if (await access.CheckPatientAsync(member, alert.PatientId, action, decision.Purpose, cancellationToken) is { } forbidden)
        {
            return (null, "", null, forbidden);
        }

        return (member, decision.Purpose, alert, null);
    }

    private static ProblemHttpResult? CheckFilters(string? status, string? patientId, string? category, string? since, int? limit, out DateTimeOffset? sinceTime)
    {
        sinceTime = null;
        if (status is not null && !AlertStatuses.IsKnown(status))
        {
            return TypedResults.Problem(statusCode: 400, title: "Bad filter", detail: "status must be open, acknowledged or resolved");
        }

        if (category is not null && category is not ("clinical" or "technical"))
        {
            return TypedResults.Problem(statusCode: 400, title: "Bad filter", detail: "category must be clinical or technical");
        }

        if (patientId is not null && PseudonymousId.Validate(patientId, "patientId") is { } error)
        {
            return TypedResults.Problem(statusCode: 400, title: "Bad filter", detail: error);
        }

        if (since is not null)
        {
            if (!DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return TypedResults.Problem(statusCode: 400, title: "Bad filter", detail: "since must be an ISO 8601 time, e.g. 2026-11-24T00:00:00Z");
            }

            sinceTime = parsed;
        }

        if (limit is < 1 or > 1000)
        {
            return TypedResults.Problem(statusCode: 400, title: "Bad filter", detail: "limit must be 1-1000");
        }

        return null;
    }

    private static ProblemHttpResult? TooLong(string? text, string what, AlertingMetrics metrics)
    {
        if (text is null || text.Length <= MaxTextLength)
        {
            return null;
        }

        metrics.BadRequest();
        return TypedResults.Problem(statusCode: 400, title: "Too long", detail: $"{what} may have at most {MaxTextLength} characters");
    }

    private static async Task<(T? Body, ProblemHttpResult? Problem)> ReadBodyAsync<T>(HttpContext http, AlertingMetrics metrics, CancellationToken cancellationToken)
        where T : class
    {
        if (http.Request.ContentLength == 0 || (http.Request.ContentLength is null && http.Request.Headers.TransferEncoding.Count == 0))
        {
            return (null, null);
        }

        try
        {
            return (await JsonSerializer.DeserializeAsync<T>(http.Request.Body, BodyJson, cancellationToken), null);
        }
        catch (JsonException ex)
        {
            metrics.BadRequest();
            return (null, TypedResults.Problem(statusCode: 400, title: "Malformed body", detail: ex.Message));
        }
        catch (BadHttpRequestException ex)
        {
            metrics.BadRequest();
            return (null, TypedResults.Problem(statusCode: ex.StatusCode, title: "Bad request body", detail: ex.Message));
        }
    }
}
