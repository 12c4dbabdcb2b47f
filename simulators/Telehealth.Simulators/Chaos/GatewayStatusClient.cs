using System.Text.Json;

namespace Telehealth.Simulators.Chaos;

/// <summary>The gateway's local status page: <c>GET /status</c> and <c>GET /status/integrity</c>.</summary>
public sealed class GatewayStatusClient(HttpClient http, Uri baseUrl)
{
    /// <summary>The <c>/status</c> document, or null when the gateway does not answer (not started yet, or dead).</summary>
    public async Task<JsonElement?> TryGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(baseUrl, "/status"), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return json.RootElement.Clone();
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null; // the client's timeout
        }
    }

    /// <summary>Readings still in the gateway's buffer (<c>buffer.readings</c>), or null when it does not answer.</summary>
    public async Task<long?> TryGetBufferedAsync(CancellationToken cancellationToken)
        => await TryGetAsync(cancellationToken) is { } status ? status.GetProperty("buffer").GetProperty("readings").GetInt64() : null;

    /// <summary>
    /// Polls <c>/status</c> every 50 ms until it answers (true), the gateway process ends, or <paramref name="timeout"/>
    /// passes (false).
    /// </summary>
    public async Task<bool> WaitUntilAnsweringAsync(GatewayProcess gateway, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            while (!gateway.HasExited)
            {
                if (await TryGetAsync(deadline.Token) is not null)
                {
                    return true;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(50), time, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // the time is up
        }

        return false;
    }

    /// <summary><c>PRAGMA integrity_check</c> of the live buffer, as the gateway runs it ("ok" when sound).</summary>
    public async Task<string> IntegrityAsync(CancellationToken cancellationToken)
    {
        var text = await http.GetStringAsync(new Uri(baseUrl, "/status/integrity"), cancellationToken);
        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("result").GetString() ?? "no answer";
    }
}
