using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using Telehealth.Metadata;
using Telehealth.Metadata.Database;

namespace Telehealth.IntegrationTests.Alerting;

/// <summary>
/// The alert path end to end, once, with real processes: a threshold-crossing reading published to the gateway's
/// broker → SQLite buffer → forwarder → ingest → influxd → debounced evaluation → alert in the metadata store →
/// visible in <c>GET /api/v1/alerts</c> with its explanation, and its data link returns the reading.
/// (<c>simulators/bench.sh alert-latency</c> measures the same path's latency.)
/// </summary>
public sealed class ReadingToAlertTests
{
    [Fact]
    public async Task SystolicAbove180_PublishedToTheGateway_BecomesAnAlertWithExplanationAndDataLink()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var pipeline = await Fixtures.Pipeline.StartAsync(cancellationToken: timeout.Token);
        await using var db = new MetadataDb(Options.Create(new MetadataOptions { ConnectionString = $"Data Source={Path.Combine(pipeline.Directory, "metadata.db")}" }));
        var seed = await AlertingSeed.CreateAsync(db, pipeline.PatientId, "patient-other-team", timeout.Token);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", seed.OwnTherapistToken);

        var published = TimeProvider.System.GetUtcNow();
        await PublishAsync(pipeline, "live-1",
            $$$"""{"metric":"blood_pressure","unit":"mm[Hg]","ts":{{{published.ToUnixTimeMilliseconds()}}},"values":{"systolic":192,"diastolic":101}}""", timeout.Token);
        var alert = await WaitForAlertAsync(http, pipeline, timeout.Token);

        Assert.Equal("bp.systolic", alert.GetProperty("ruleId").GetString());
        Assert.Equal("open", alert.GetProperty("status").GetString());
        var explanation = alert.GetProperty("explanation");
        Assert.Equal("Systolic blood pressure 192 mm[Hg] today (mean of 1) is above 180.", explanation.GetProperty("message").GetString());
        Assert.Equal(180, explanation.GetProperty("threshold").GetDouble());
        Assert.Equal("systolic > 180 mm[Hg]", explanation.GetProperty("reference").GetString());
        Assert.True(explanation.GetProperty("windowStart").GetDateTimeOffset() <= published);

        using var data = await http.GetAsync(new Uri(pipeline.IngestUrl, alert.GetProperty("dataLink").GetString()), timeout.Token);
        Assert.Equal(HttpStatusCode.OK, data.StatusCode);
        var reading = Assert.Single((await data.Content.ReadFromJsonAsync<JsonElement>(timeout.Token)).GetProperty("readings").EnumerateArray());
        Assert.Equal(192, reading.GetProperty("values").GetProperty("systolic").GetDouble());
        Assert.Equal("live-1", reading.GetProperty("device").GetString());
        Assert.Equal(published.ToUnixTimeMilliseconds(), reading.GetProperty("time").GetDateTimeOffset().ToUnixTimeMilliseconds());
    }

    internal static async Task PublishAsync(Fixtures.Pipeline pipeline, string device, string json, CancellationToken cancellationToken)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", pipeline.MqttPort).WithClientId(device)
            .WithCredentials(device, pipeline.PasswordOf(device)).Build();
        var connected = await client.ConnectAsync(options, cancellationToken);
        Assert.Equal(MqttClientConnectResultCode.Success, connected.ResultCode);
        var result = await client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(string.Create(CultureInfo.InvariantCulture, $"telehealth/v1/devices/{device}/readings"))
            .WithPayload(Encoding.UTF8.GetBytes(json))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancellationToken);
        Assert.True(result.IsSuccess, result.ReasonString);
        await client.DisconnectAsync(cancellationToken: cancellationToken);
    }

    private static async Task<JsonElement> WaitForAlertAsync(HttpClient http, Fixtures.Pipeline pipeline, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            var list = await http.GetFromJsonAsync<JsonElement>(new Uri(pipeline.IngestUrl, "/api/v1/alerts?status=open&ruleId=bp.systolic"), cancellationToken);
            var alerts = list.GetProperty("alerts").EnumerateArray().ToList();
            if (alerts.Count > 0)
            {
                return Assert.Single(alerts);
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new Xunit.Sdk.XunitException($"no alert within 60 s\nIngest log:\n{pipeline.Ingest.Log}");
    }
}
