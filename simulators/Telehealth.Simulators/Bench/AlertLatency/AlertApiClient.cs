using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Telehealth.Simulators.Bench.AlertLatency;

/// <summary>The therapist's view of the alert API, as the benchmark uses it: open alerts of one rule, and resolve.</summary>
internal sealed class AlertApiClient(HttpClient http, Uri ingest, string token)
{
    /// <summary>Ids of the patient's open alerts of the rule.</summary>
    public async Task<IReadOnlyList<string>> OpenAlertIdsAsync(string patientId, string ruleId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(ingest, $"/api/v1/alerts?status=open&patientId={Uri.EscapeDataString(patientId)}&ruleId={Uri.EscapeDataString(ruleId)}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("X-Purpose", "benchmark");
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return body.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("id").GetString()!).ToList();
    }

    /// <summary>Resolves the alert (so the next crossing opens a new one).</summary>
    public async Task ResolveAsync(string alertId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(ingest, $"/api/v1/alerts/{Uri.EscapeDataString(alertId)}/resolve"))
        {
            Content = JsonContent.Create(new { reason = "benchmark" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("X-Purpose", "benchmark");
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
