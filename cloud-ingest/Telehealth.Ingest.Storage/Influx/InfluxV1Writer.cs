using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telehealth.Ingest.Contracts.Batches;
using Telehealth.Ingest.Storage.LineProtocol;

namespace Telehealth.Ingest.Storage.Influx;

/// <summary>
/// Writes to InfluxDB 1.x (and the 1.x-compatible <c>/write</c> of 2.x/3.x) by POSTing our line protocol to
/// <c>/write?db=&amp;rp=&amp;precision=ms</c>. 204 means stored.
/// </summary>
public sealed class InfluxV1Writer : IPointWriter
{
    private readonly HttpClient _http;
    private readonly InfluxOptions _options;
    private readonly ILogger<InfluxV1Writer> _logger;
    private readonly Uri _writeUri;
    private static readonly MediaTypeHeaderValue TextPlainUtf8 = new("text/plain") { CharSet = "utf-8" };

    public InfluxV1Writer(HttpClient http, IOptions<InfluxOptions> options, ILogger<InfluxV1Writer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _options = options.Value;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _writeUri = InfluxHttp.Resolve(_options, WritePathAndQuery(_options));
    }

    /// <inheritdoc />
    public async Task WriteAsync(string patientId, IReadOnlyList<IngestReading> readings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readings);
        if (readings.Count == 0)
        {
            return;
        }

        using var buffer = new LineProtocolBuffer();
        LineProtocolSerializer.Write(buffer, patientId, readings);
        await WriteLinesAsync(buffer.WrittenMemory, readings.Count, cancellationToken);
    }

    /// <inheritdoc />
    public async Task WriteLinesAsync(ReadOnlyMemory<byte> lines, int pointCount, CancellationToken cancellationToken)
    {
        if (lines.IsEmpty)
        {
            return;
        }

        using var content = new ReadOnlyMemoryContent(lines);
        content.Headers.ContentType = TextPlainUtf8;
        using var request = new HttpRequestMessage(HttpMethod.Post, _writeUri) { Content = content };
        InfluxHttp.Authorize(request, _options);

        try
        {
            using var response = await InfluxHttp.SendAsync(_http, request, _options, cancellationToken);
            if (response.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.OK)
            {
                StorageLog.Written(_logger, pointCount, lines.Length);
                return;
            }

            await InfluxHttp.ThrowForFailureAsync(response, "store points", cancellationToken);
        }
        catch (StorageUnavailableException ex)
        {
            StorageLog.WriteUnavailable(_logger, pointCount, ex.StatusCode, ex);
            throw;
        }
        catch (StorageRejectedException ex)
        {
            StorageLog.WriteRejected(_logger, pointCount, ex.StatusCode);
            throw;
        }
    }

    private static string WritePathAndQuery(InfluxOptions options)
    {
        var query = $"write?db={Uri.EscapeDataString(options.Database)}";
        if (!string.IsNullOrEmpty(options.RetentionPolicy))
        {
            query += $"&rp={Uri.EscapeDataString(options.RetentionPolicy)}";
        }

        return query + "&precision=" + InfluxOptions.Precision;
    }
}
