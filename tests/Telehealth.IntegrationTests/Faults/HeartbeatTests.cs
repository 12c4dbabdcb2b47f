using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Telehealth.IntegrationTests.Fixtures;

namespace Telehealth.IntegrationTests.Faults;

public sealed class HeartbeatTests
{
    [Fact]
    public async Task Heartbeat_ReportsBufferDevicesAndVersion_AndTheGatewayMeasuresItsClockOffset()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var pipeline = await Fixtures.Pipeline.StartAsync(new Dictionary<string, string> { ["Forwarder__HeartbeatSeconds"] = "1" }, cancellationToken: timeout.Token);
        await pipeline.RunSimulatorAsync(["--devices", "3", "--rate", "20", "--count", "10"], timeout.Token);

        await pipeline.WaitForGatewayAsync(s => s.GetProperty("clockOffsetMs").ValueKind == JsonValueKind.Number, "clock offset measured", timeout.Token);
        var status = await pipeline.GatewayStatusAsync(timeout.Token);
        Assert.InRange(status.GetProperty("clockOffsetMs").GetInt64(), -1000, 1000); // same machine, same clock

        JsonElement latest = default;
        using var http = new HttpClient();
        for (var i = 0; i < 50; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(pipeline.IngestUrl, $"/api/v1/gateways/{pipeline.GatewayId}/heartbeat"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", pipeline.Secret);
            request.Headers.Add("X-Gateway-Id", pipeline.GatewayId);
            using var response = await http.SendAsync(request, timeout.Token);
            latest = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
            if (response.IsSuccessStatusCode && latest.GetProperty("heartbeat").GetProperty("devicesSeen").GetArrayLength() == 3
                && latest.GetProperty("heartbeat").GetProperty("clockOffsetMs").ValueKind == JsonValueKind.Number)
            {
                break;
            }

            await Task.Delay(200, timeout.Token);
        }

        var heartbeat = latest.GetProperty("heartbeat");
        Assert.Equal(["sim-1", "sim-2", "sim-3"], heartbeat.GetProperty("devicesSeen").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(pipeline.GatewayId, heartbeat.GetProperty("gatewayId").GetString());
        Assert.False(string.IsNullOrEmpty(heartbeat.GetProperty("version").GetString()));
        Assert.Equal(JsonValueKind.Number, heartbeat.GetProperty("clockOffsetMs").ValueKind);
        Assert.True(heartbeat.TryGetProperty("bufferedReadings", out _));
    }

    [Fact]
    public async Task HeartbeatOfAnotherGateway_IsNotReadable()
    {
        await using var pipeline = await Fixtures.Pipeline.StartAsync(withGateway: false);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(pipeline.IngestUrl, "/api/v1/gateways/gw-other/heartbeat"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", pipeline.Secret);
        request.Headers.Add("X-Gateway-Id", pipeline.GatewayId);

        using var response = await http.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
    }
}
