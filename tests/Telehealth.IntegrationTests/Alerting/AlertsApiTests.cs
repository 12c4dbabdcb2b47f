using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Telehealth.IntegrationTests.Fixtures;
using Telehealth.Metadata;
using Telehealth.Metadata.Alerts;
using Telehealth.Metadata.Audit;
using Telehealth.Metadata.Database;

namespace Telehealth.IntegrationTests.Alerting;

/// <summary>
/// The therapists' alert API of a real ingest process (with influxd): authorisation by care team, audit of every
/// read and refusal, life-cycle transitions and their problem details.
/// </summary>
public sealed class AlertsApiTests : IAsyncLifetime, IDisposable
{
    private const string OtherPatient = "patient-other-team";

    private readonly HttpClient _http = new();
    private Fixtures.Pipeline _pipeline = null!;
    private MetadataDb? _db;
    private AlertingSeed _seed = null!;

    public async Task InitializeAsync()
    {
        _pipeline = await Fixtures.Pipeline.StartAsync(withGateway: false);
        _db = new MetadataDb(Options.Create(new MetadataOptions { ConnectionString = $"Data Source={Path.Combine(_pipeline.Directory, "metadata.db")}" }));
        _seed = await AlertingSeed.CreateAsync(_db, _pipeline.PatientId, OtherPatient, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }

        await _pipeline.DisposeAsync();
    }

    public void Dispose() => _http.Dispose();

    private Task<StoredAlert> OpenAsync(string patientId, string ruleId)
        => AlertingSeed.OpenAsync(new AlertStore(_db!, TimeProvider.System), patientId, ruleId, TimeProvider.System.GetUtcNow(), CancellationToken.None);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, object? body = null, string? purpose = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(_pipeline.IngestUrl, path));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (purpose is not null)
        {
            request.Headers.Add("X-Purpose", purpose);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await _http.SendAsync(request);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title");
    }

    private Task<IReadOnlyList<AuditEntry>> AuditOfAsync(string patientId) => new AuditLog(_db!).ForPatientAsync(patientId, 100, CancellationToken.None);

    [Fact]
    public async Task OwnTherapist_ReadsTheAlert_WithExplanationAndDataLink_AndTheReadIsAudited()
    {
        var alert = await OpenAsync(_pipeline.PatientId, "bp.systolic");

        using var response = await SendAsync(HttpMethod.Get, "/api/v1/alerts/" + alert.Id, _seed.OwnTherapistToken, purpose: "weekly-review");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("open", body.GetProperty("status").GetString());
        var explanation = body.GetProperty("explanation");
        Assert.Contains("above 180", explanation.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(180, explanation.GetProperty("threshold").GetDouble());
        Assert.Equal(190, explanation.GetProperty("values")[0].GetProperty("value").GetDouble());
        Assert.StartsWith($"/api/v1/patients/{_pipeline.PatientId}/readings?metric=blood_pressure&from=", body.GetProperty("dataLink").GetString(), StringComparison.Ordinal);
        Assert.Contains(await AuditOfAsync(_pipeline.PatientId), e =>
            e.Action == "alerts.read" && e.ActorId == AlertingSeed.OwnTherapistId && e.Outcome == AuditOutcome.Allowed && e.Reason == "weekly-review" && e.Detail == alert.Id);
    }

    [Fact]
    public async Task List_ShowsOnlyTheTeamsPatients_AndAuditsEachPatientRead_WithTheDefaultPurpose()
    {
        var own = await OpenAsync(_pipeline.PatientId, "spo2.floor");
        var other = await OpenAsync(OtherPatient, "spo2.floor");

        using var response = await SendAsync(HttpMethod.Get, "/api/v1/alerts?ruleId=spo2.floor&status=open", _seed.OwnTherapistToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ids = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
        Assert.Contains(own.Id, ids);
        Assert.DoesNotContain(other.Id, ids);
        Assert.Contains(await AuditOfAsync(_pipeline.PatientId), e => e.Action == "alerts.list" && e.Outcome == AuditOutcome.Allowed && e.Reason == "care");
        Assert.DoesNotContain(await AuditOfAsync(OtherPatient), e => e.Action == "alerts.list" && e.ActorId == AlertingSeed.OwnTherapistId);
    }

    [Fact]
    public async Task OtherTeamsTherapist_Gets403_ForTheAlertTheListAndTheData_AndEachRefusalIsAudited()
    {
        var alert = await OpenAsync(_pipeline.PatientId, "rhr.baseline");

        using var read = await SendAsync(HttpMethod.Get, "/api/v1/alerts/" + alert.Id, _seed.OtherTherapistToken);
        using var list = await SendAsync(HttpMethod.Get, "/api/v1/alerts?patientId=" + _pipeline.PatientId, _seed.OtherTherapistToken);
        using var data = await SendAsync(HttpMethod.Get, $"/api/v1/patients/{_pipeline.PatientId}/readings?metric=blood_pressure", _seed.OtherTherapistToken);
        using var acknowledge = await SendAsync(HttpMethod.Post, $"/api/v1/alerts/{alert.Id}/acknowledge", _seed.OtherTherapistToken, new { note = "x" });

        Assert.Equal("Forbidden", (await ProblemAsync(read, HttpStatusCode.Forbidden)).GetString());
        await ProblemAsync(list, HttpStatusCode.Forbidden);
        await ProblemAsync(data, HttpStatusCode.Forbidden);
        await ProblemAsync(acknowledge, HttpStatusCode.Forbidden);
        var denied = (await AuditOfAsync(_pipeline.PatientId)).Where(e => e.ActorId == "ther-b" && e.Outcome == AuditOutcome.Denied).Select(e => e.Action).ToList();
        Assert.Contains("alerts.read", denied);
        Assert.Contains("alerts.list", denied);
        Assert.Contains("readings.read", denied);
        Assert.Contains("alerts.acknowledge", denied);
        Assert.Equal(AlertStatuses.Open, (await new AlertStore(_db!, TimeProvider.System).GetAsync(alert.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task NoTokenBadTokenAndOperator_AreRefused_AndAudited()
    {
        var path = $"/api/v1/patients/{_pipeline.PatientId}/readings";

        using var none = await SendAsync(HttpMethod.Get, path, null);
        using var bad = await SendAsync(HttpMethod.Get, path, "not-a-token");
        using var op = await SendAsync(HttpMethod.Get, path, _seed.OperatorToken);
        using var list = await SendAsync(HttpMethod.Get, "/api/v1/alerts", null);

        Assert.Equal("Unauthenticated", (await ProblemAsync(none, HttpStatusCode.Unauthorized)).GetString());
        await ProblemAsync(bad, HttpStatusCode.Unauthorized);
        await ProblemAsync(op, HttpStatusCode.Forbidden);
        await ProblemAsync(list, HttpStatusCode.Unauthorized);
        var audit = await AuditOfAsync(_pipeline.PatientId);
        Assert.True(audit.Count(e => e.Action == "readings.read" && e.ActorKind == "anonymous" && e.Outcome == AuditOutcome.Denied) >= 2);
        Assert.Contains(audit, e => e.Action == "readings.read" && e.ActorKind == "operator" && e.Outcome == AuditOutcome.Denied);
    }

    [Fact]
    public async Task Lifecycle_AcknowledgeNoteResolve_AndIllegalTransitionsGet409()
    {
        var alert = await OpenAsync(_pipeline.PatientId, "steps.decline");
        var token = _seed.OwnTherapistToken;
        var path = "/api/v1/alerts/" + alert.Id;

        using var acknowledged = await SendAsync(HttpMethod.Post, path + "/acknowledge", token, new { note = "seen" });
        using var again = await SendAsync(HttpMethod.Post, path + "/acknowledge", token, new { note = "seen twice" });
        using var noted = await SendAsync(HttpMethod.Post, path + "/notes", token, new { text = "phoned the citizen" });
        using var noReason = await SendAsync(HttpMethod.Post, path + "/resolve", token, new { note = "no reason" });
        using var resolved = await SendAsync(HttpMethod.Post, path + "/resolve", token, new { reason = "false alarm", note = "holiday" });
        using var resolvedAgain = await SendAsync(HttpMethod.Post, path + "/resolve", token, new { reason = "again" });
        using var emptyNote = await SendAsync(HttpMethod.Post, path + "/notes", token, new { text = "" });

        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.Equal("acknowledged", (await acknowledged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("Illegal transition", (await ProblemAsync(again, HttpStatusCode.Conflict)).GetString());
        Assert.Equal(HttpStatusCode.OK, noted.StatusCode);
        Assert.Equal("Reason required", (await ProblemAsync(noReason, HttpStatusCode.BadRequest)).GetString());
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        var body = await resolved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("resolved", body.GetProperty("status").GetString());
        Assert.Equal("therapist:" + AlertingSeed.OwnTherapistId, body.GetProperty("resolvedBy").GetString());
        Assert.Equal("false alarm", body.GetProperty("resolution").GetString());
        Assert.Equal(["acknowledged", "note", "resolved"], body.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("kind").GetString()));
        await ProblemAsync(resolvedAgain, HttpStatusCode.Conflict);
        await ProblemAsync(emptyNote, HttpStatusCode.BadRequest);
        Assert.Contains(await AuditOfAsync(_pipeline.PatientId), e => e.Action == "alerts.resolve" && e.Outcome == AuditOutcome.Allowed);
    }

    [Fact]
    public async Task UnknownAlert_Gets404_AndBadInputGets400()
    {
        var token = _seed.OwnTherapistToken;

        using var unknown = await SendAsync(HttpMethod.Get, "/api/v1/alerts/al-does-not-exist", token);
        using var unknownAck = await SendAsync(HttpMethod.Post, "/api/v1/alerts/al-does-not-exist/acknowledge", token, new { note = "x" });
        using var badStatus = await SendAsync(HttpMethod.Get, "/api/v1/alerts?status=closed", token);
        using var badSince = await SendAsync(HttpMethod.Get, "/api/v1/alerts?since=yesterday", token);
        using var badPurpose = await SendAsync(HttpMethod.Get, "/api/v1/alerts", token, purpose: "Because I Can!");
        using var badMetric = await SendAsync(HttpMethod.Get, $"/api/v1/patients/{_pipeline.PatientId}/readings?metric=mood", token);
        using var malformed = new HttpRequestMessage(HttpMethod.Post, new Uri(_pipeline.IngestUrl, "/api/v1/alerts/al-x/notes"))
        {
            Content = new StringContent("{\"text\": [", Encoding.UTF8, "application/json"),
        };
        malformed.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var malformedResponse = await _http.SendAsync(malformed);

        Assert.Equal("Unknown alert", (await ProblemAsync(unknown, HttpStatusCode.NotFound)).GetString());
        await ProblemAsync(unknownAck, HttpStatusCode.NotFound);
        await ProblemAsync(badStatus, HttpStatusCode.BadRequest);
        await ProblemAsync(badSince, HttpStatusCode.BadRequest);
        Assert.Equal("Bad purpose", (await ProblemAsync(badPurpose, HttpStatusCode.BadRequest)).GetString());
        Assert.Equal("Unknown metric", (await ProblemAsync(badMetric, HttpStatusCode.BadRequest)).GetString());
        Assert.Equal("Malformed body", (await ProblemAsync(malformedResponse, HttpStatusCode.BadRequest)).GetString());
    }
}
