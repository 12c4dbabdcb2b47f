using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Telehealth.Ingest.Storage.Influx;

/// <summary>What the v1 writer and the InfluxQL client share: URLs, auth, timeouts and error mapping.</summary>
internal static class InfluxHttp
{
    private const int MaxMessageLength = 512;

    /// <summary>Resolves a relative path and query against the configured URL, keeping any path prefix it has.</summary>
    public static Uri Resolve(InfluxOptions options, string pathAndQuery)
    {
        var root = options.Url.EndsWith('/') ? options.Url : options.Url + "/";
        return new Uri(new Uri(root, UriKind.Absolute), pathAndQuery);
    }

    /// <summary>Basic auth for 1.x users, a token for 2.x/3.x; nothing when neither is configured.</summary>
    public static void Authorize(HttpRequestMessage request, InfluxOptions options)
    {
        if (options.ApiVersion == InfluxApiVersion.V2 && !string.IsNullOrEmpty(options.Token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", options.Token);
        }
        else if (!string.IsNullOrEmpty(options.Username))
        {
            var credentials = Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(credentials));
        }
    }

    /// <summary>
    /// Sends the request with the configured timeout. No answer (refused, reset, DNS, timeout) becomes a
    /// <see cref="StorageUnavailableException"/>; the caller's cancellation stays an <see cref="OperationCanceledException"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient http, HttpRequestMessage request, InfluxOptions options, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        try
        {
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            return response;
        }
        catch (HttpRequestException ex)
        {
            throw new StorageUnavailableException($"InfluxDB at {Describe(options)} is unreachable: {ex.Message}", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new StorageUnavailableException(
                $"InfluxDB at {Describe(options)} did not answer within {options.TimeoutSeconds} s.", ex);
        }
    }

    /// <summary>
    /// Throws for a failed answer: 5xx, 408, 429 and configuration problems (401, 403, 404) → unavailable, so the
    /// gateway keeps the readings; any other 4xx → rejected. Both carry the server's message.
    /// </summary>
    public static async Task ThrowForFailureAsync(HttpResponseMessage response, string action, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var message = await ReadErrorAsync(response, cancellationToken);
        if (IsTransient(status))
        {
            throw new StorageUnavailableException($"InfluxDB failed to {action} ({status}): {message}") { StatusCode = status };
        }

        if (IsConfigurationProblem(status))
        {
            throw new StorageUnavailableException(
                $"InfluxDB refused to {action} ({status}): {message}. {ConfigurationHint}") { StatusCode = status };
        }

        throw new StorageRejectedException($"InfluxDB refused to {action} ({status}): {message}")
        {
            StatusCode = status,
            ServerMessage = message,
        };
    }

    /// <summary>What to check when the server says "who are you" or "no such database/bucket/endpoint".</summary>
    public const string ConfigurationHint =
        "Check Influx:Url, Influx:ApiVersion, Influx:Database/Bucket/Org and the credentials.";

    /// <summary>
    /// 401, 403 and 404 mean our configuration is wrong (credentials, database, bucket, URL or API version), not the
    /// points: the readings must be kept and resent once it is fixed, never dead-lettered.
    /// </summary>
    public static bool IsConfigurationProblem(int status)
        => status is (int)HttpStatusCode.Unauthorized or (int)HttpStatusCode.Forbidden or (int)HttpStatusCode.NotFound;

    /// <summary>5xx, 408 and 429 say "try again later"; other failures will fail again.</summary>
    public static bool IsTransient(int status)
        => status >= 500 || status is (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests;

    /// <summary>The JSON <c>error</c> member when the body has one, else the body (shortened), else the reason phrase.</summary>
    public static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string body;
        try
        {
            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException)
        {
            body = "";
        }

        var error = TryReadJsonError(body);
        if (!string.IsNullOrWhiteSpace(error))
        {
            return Shorten(error);
        }

        if (response.Headers.TryGetValues("X-Influxdb-Error", out var values))
        {
            return Shorten(string.Join("; ", values));
        }

        return string.IsNullOrWhiteSpace(body) ? response.ReasonPhrase ?? "no message" : Shorten(body.Trim());
    }

    private static string? TryReadJsonError(string body)
    {
        if (!body.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            foreach (var name in (ReadOnlySpan<string>)["error", "message"])
            {
                if (document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    return value.GetString();
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }

    /// <summary>Scheme, host and port only: never user info someone may have put into the URL (it would reach the logs).</summary>
    private static string Describe(InfluxOptions options) => options.BaseUri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);

    private static string Shorten(string text) => text.Length <= MaxMessageLength ? text : string.Concat(text.AsSpan(0, MaxMessageLength), "…");
}
