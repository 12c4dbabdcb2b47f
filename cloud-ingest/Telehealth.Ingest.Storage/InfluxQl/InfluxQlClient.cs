using System.Net;
using Microsoft.Extensions.Options;
using Telehealth.Ingest.Storage.Influx;

namespace Telehealth.Ingest.Storage.InfluxQl;

/// <summary>
/// InfluxQL over HTTP for InfluxDB 1.x, 2.x (through a DBRP mapping) and 3.x: <c>GET /query?db=&amp;q=&amp;epoch=ms</c>
/// for reads, POST for statements that change things, and <c>/ping</c>. Uses basic auth for V1 users and a token
/// for V2. Unreachable or 5xx → <see cref="StorageUnavailableException"/>; an error in the answer →
/// <see cref="InfluxQlException"/>.
/// </summary>
public sealed class InfluxQlClient
{
    private readonly HttpClient _http;
    private readonly InfluxOptions _options;

    public InfluxQlClient(HttpClient http, IOptions<InfluxOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _options = options.Value;
    }

    /// <summary>Runs a read (SELECT, SHOW) against the configured database. Times are Unix milliseconds.</summary>
    public Task<InfluxQlResult> QueryAsync(string query, CancellationToken cancellationToken)
        => QueryAsync(_options.Database, query, cancellationToken);

    /// <summary>Runs a read (SELECT, SHOW) against <paramref name="database"/>. Times are Unix milliseconds.</summary>
    public Task<InfluxQlResult> QueryAsync(string database, string query, CancellationToken cancellationToken)
        => SendQueryAsync(HttpMethod.Get, database, query, cancellationToken);

    /// <summary>Runs a statement that changes something (CREATE, DROP, DELETE, ALTER) with POST.</summary>
    public Task<InfluxQlResult> ExecuteAsync(string? database, string statement, CancellationToken cancellationToken)
        => SendQueryAsync(HttpMethod.Post, database, statement, cancellationToken);

    /// <summary><c>CREATE DATABASE "name"</c>; succeeds when it already exists.</summary>
    public async Task CreateDatabaseAsync(string database, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(database);
        await ExecuteAsync(null, "CREATE DATABASE " + QuoteIdentifier(database), cancellationToken);
    }

    /// <summary>True when <c>/ping</c> answers 204 within the timeout; false when it answers otherwise or not at all.</summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, InfluxHttp.Resolve(_options, "ping"));
        InfluxHttp.Authorize(request, _options);
        try
        {
            using var response = await InfluxHttp.SendAsync(_http, request, _options, cancellationToken);
            return response.StatusCode == HttpStatusCode.NoContent;
        }
        catch (StorageUnavailableException)
        {
            return false;
        }
    }

    /// <summary>Quotes an identifier for InfluxQL: <c>"name"</c> with backslashes and quotes escaped.</summary>
    public static string QuoteIdentifier(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return "\"" + identifier.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Quotes a string literal for InfluxQL (tag values in WHERE): <c>'text'</c> with escapes.</summary>
    public static string QuoteLiteral(string literal)
    {
        ArgumentNullException.ThrowIfNull(literal);
        return "'" + literal.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
    }

    private async Task<InfluxQlResult> SendQueryAsync(
        HttpMethod method, string? database, string query, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(query);
        var parameters = new List<KeyValuePair<string, string>>(3);
        if (!string.IsNullOrEmpty(database))
        {
            parameters.Add(new("db", database));
        }

        parameters.Add(new("epoch", InfluxOptions.Precision));
        parameters.Add(new("q", query));

        using var form = new FormUrlEncodedContent(parameters);
        using var request = method == HttpMethod.Get
            ? new HttpRequestMessage(method, InfluxHttp.Resolve(_options, "query?" + await form.ReadAsStringAsync(cancellationToken)))
            : new HttpRequestMessage(method, InfluxHttp.Resolve(_options, "query")) { Content = form };
        InfluxHttp.Authorize(request, _options);

        using var response = await InfluxHttp.SendAsync(_http, request, _options, cancellationToken);
        var status = (int)response.StatusCode;
        if (InfluxHttp.IsTransient(status))
        {
            await InfluxHttp.ThrowForFailureAsync(response, "run a query", cancellationToken);
        }

        if (response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return InfluxQlResultParser.Parse(body, status);
        }

        var message = await InfluxHttp.ReadErrorAsync(response, cancellationToken);
        throw new InfluxQlException($"InfluxDB refused the query ({status}): {message}") { ServerMessage = message, StatusCode = status };
    }
}
