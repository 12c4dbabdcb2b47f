using System.Diagnostics;
using System.Text.Json;
using Telehealth.Ingest.Alerting;
using Telehealth.IntegrationTests.Fixtures;
using Telehealth.Metadata;
using Telehealth.Metadata.Alerts;

namespace Telehealth.IntegrationTests.Alerting;

/// <summary>The webhook against a real HTTP receiver on loopback that fails first, then accepts.</summary>
public sealed class WebhookDeliveryTests
{
    private const string Secret = "webhook-shared-secret-0123456789";

    private static Dictionary<string, string?> Settings(WebhookReceiver receiver, int maxRetries = 4, int maxPauseSeconds = 3600) => new()
    {
        ["Alerting:Webhook:Url"] = receiver.Url.ToString(),
        ["Alerting:Webhook:Secret"] = Secret,
        ["Alerting:Webhook:MaxRetries"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Alerting:Webhook:FirstRetryDelayMilliseconds"] = "20",
        ["Alerting:Webhook:MaxPauseSeconds"] = maxPauseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Theory]
    [MemberData(nameof(MetadataDatabase.Providers), MemberType = typeof(MetadataDatabase))]
    public async Task FailingReceiver_GetsTheNotificationRetried_WithOneIdempotencyKeyAndAValidSignature(MetadataProvider provider)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var database = await MetadataDatabase.CreateAsync(provider, timeout.Token);
        await AlertingSeed.CreateAsync(database.Db, "p-1", "p-2", timeout.Token);
        await using var receiver = new WebhookReceiver(failFirst: 2);
        await using var ingest = new IngestInstance(database, Settings(receiver));
        var alert = await AlertingSeed.OpenAsync(ingest.Get<AlertStore>(), "p-1", "bp.systolic", TimeProvider.System.GetUtcNow(), timeout.Token);

        var delivered = await ingest.Get<AlertWebhookDispatcher>().DispatchDueAsync(timeout.Token);

        Assert.Equal(1, delivered);
        var requests = receiver.Requests.ToList();
        Assert.Equal([503, 503, 200], requests.Select(r => r.Answered));
        Assert.All(requests, r => Assert.Equal(alert.Id + ":alert.opened", r.IdempotencyKey));
        Assert.All(requests, r => Assert.Equal(WebhookSignature.Of(Secret, r.Body), r.Signature));
        Assert.All(requests, r => Assert.Equal("alert.opened", r.Event));
        using var payload = JsonDocument.Parse(requests[^1].Body);
        Assert.Equal(alert.Id, payload.RootElement.GetProperty("alert").GetProperty("id").GetString());
        Assert.Equal("p-1", payload.RootElement.GetProperty("alert").GetProperty("patientId").GetString());
        Assert.Equal("/api/v1/alerts/" + alert.Id, payload.RootElement.GetProperty("links").GetProperty("alert").GetString());
        // No reading values: no number in the payload is the systolic 190, and no text mentions it (timestamps may hold the digits).
        Assert.DoesNotContain(Leaves(payload.RootElement), leaf => leaf.ValueKind == JsonValueKind.Number
            ? leaf.GetDouble() == 190
            : leaf.ValueKind == JsonValueKind.String && System.Text.RegularExpressions.Regex.IsMatch(leaf.GetString()!, @"(^|[^0-9.])190([^0-9]|$)"));

        var state = Assert.Single(await ingest.Get<AlertOutbox>().ForAlertAsync(alert.Id, timeout.Token));
        Assert.Equal(3, state.Attempts);
        Assert.NotNull(state.DeliveredAt);
        Assert.Equal(0, await ingest.Get<AlertWebhookDispatcher>().DispatchDueAsync(timeout.Token)); // delivered once, not again
    }

    [Fact]
    public async Task UndeliveredNotification_SurvivesARestart_AndIsDeliveredByTheNextInstance()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var database = await MetadataDatabase.CreateAsync(MetadataProvider.Sqlite, timeout.Token);
        await AlertingSeed.CreateAsync(database.Db, "p-1", "p-2", timeout.Token);
        await using var receiver = new WebhookReceiver(failFirst: int.MaxValue);
        StoredAlert alert;
        await using (var before = new IngestInstance(database, Settings(receiver, maxRetries: 1, maxPauseSeconds: 1)))
        {
            alert = await AlertingSeed.OpenAsync(before.Get<AlertStore>(), "p-1", "bp.systolic", TimeProvider.System.GetUtcNow(), timeout.Token);
            Assert.Equal(0, await before.Get<AlertWebhookDispatcher>().DispatchDueAsync(timeout.Token));
        }

        var failed = Assert.Single(await new AlertOutbox(database.Db, TimeProvider.System).ForAlertAsync(alert.Id, timeout.Token));
        Assert.Null(failed.DeliveredAt);
        Assert.Equal(2, failed.Attempts);
        Assert.Equal("HTTP 503", failed.LastError);

        receiver.FailFirst = 0;
        await using var after = new IngestInstance(database, Settings(receiver, maxRetries: 1, maxPauseSeconds: 1));
        var dispatcher = after.Get<AlertWebhookDispatcher>();
        var clock = Stopwatch.StartNew();
        var delivered = 0;
        while (delivered == 0 && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            delivered = await dispatcher.DispatchDueAsync(timeout.Token); // due again after the (1 s) pause
            await Task.Delay(100, timeout.Token);
        }

        Assert.Equal(1, delivered);
        Assert.Equal(200, receiver.Requests.Last().Answered);
        Assert.Single(receiver.Requests, r => r.Answered == 200);
        Assert.All(receiver.Requests, r => Assert.Equal(alert.Id + ":alert.opened", r.IdempotencyKey));
    }

    [Fact]
    public async Task AcknowledgedAndResolved_AreDeliveredToo_AfterOpened_EachWithItsOwnKey()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var database = await MetadataDatabase.CreateAsync(MetadataProvider.Sqlite, timeout.Token);
        await AlertingSeed.CreateAsync(database.Db, "p-1", "p-2", timeout.Token);
        await using var receiver = new WebhookReceiver(failFirst: 1);
        await using var ingest = new IngestInstance(database, Settings(receiver));
        var store = ingest.Get<AlertStore>();
        var alert = await AlertingSeed.OpenAsync(store, "p-1", "bp.systolic", TimeProvider.System.GetUtcNow(), timeout.Token);
        await store.AcknowledgeAsync(alert.Id, new AlertActor("therapist", "ther-a"), null, timeout.Token);
        await store.ResolveAsync(alert.Id, new AlertActor("therapist", "ther-a"), "treated", null, timeout.Token);

        var dispatcher = ingest.Get<AlertWebhookDispatcher>();
        var delivered = 0;
        for (var round = 0; round < 10 && delivered < 3; round++)
        {
            delivered += await dispatcher.DispatchDueAsync(timeout.Token);
        }

        Assert.Equal(3, delivered);
        var accepted = receiver.Requests.Where(r => r.Answered == 200).ToList();
        Assert.Equal(["alert.opened", "alert.acknowledged", "alert.resolved"], accepted.Select(r => r.Event));
        Assert.Equal([alert.Id + ":alert.opened", alert.Id + ":alert.acknowledged", alert.Id + ":alert.resolved"], accepted.Select(r => r.IdempotencyKey));
        Assert.All(receiver.Requests, r => Assert.Equal(WebhookSignature.Of(Secret, r.Body), r.Signature));
        using var last = JsonDocument.Parse(accepted[^1].Body);
        Assert.Equal("resolved", last.RootElement.GetProperty("alert").GetProperty("status").GetString());
        Assert.Equal(0, await dispatcher.DispatchDueAsync(timeout.Token));
    }

    private static IEnumerable<JsonElement> Leaves(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Leaves(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Leaves),
        _ => [element],
    };
}
