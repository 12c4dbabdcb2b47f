using System.Text;
using InfluxDB.Client;
using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Core.Exceptions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telehealth.Ingest.Contracts.Batches;
using Telehealth.Ingest.Storage.LineProtocol;

namespace Telehealth.Ingest.Storage.Influx;

/// <summary>
/// Writes to InfluxDB 2.x/3.x (or a compatible peer such as VictoriaMetrics) through InfluxDB.Client's
/// <c>/api/v2/write</c>, with the configured org, bucket and token, at millisecond precision. The body is our own
/// line protocol (byte-identical to what <c>PointData</c> would produce), handed over as one record.
/// </summary>
public sealed class InfluxV2Writer : IPointWriter
{
    private readonly IInfluxDBClient _client;
    private readonly InfluxOptions _options;
    private readonly ILogger<InfluxV2Writer> _logger;

    public InfluxV2Writer(IInfluxDBClient client, IOptions<InfluxOptions> options, ILogger<InfluxV2Writer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _options = options.Value;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
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

        var byteCount = lines.Length;
        var body = Encoding.UTF8.GetString(lines.Span[^1] == (byte)'\n' ? lines.Span[..^1] : lines.Span);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
        try
        {
            await _client.GetWriteApiAsync()
                .WriteRecordAsync(body, WritePrecision.Ms, _options.Bucket, _options.Org, timeout.Token);
            StorageLog.Written(_logger, pointCount, byteCount);
        }
        catch (InfluxException ex) when (cancellationToken.IsCancellationRequested)
        {
            // The client reports a cancelled request as a status-0 HttpException: the caller gave up, the store did not fail.
            throw new OperationCanceledException("The write was cancelled.", ex, cancellationToken);
        }
        catch (InfluxException ex) when (timeout.IsCancellationRequested)
        {
            var unavailable = new StorageUnavailableException(
                $"InfluxDB v2 write API did not answer within {_options.TimeoutSeconds} s.", ex);
            StorageLog.WriteUnavailable(_logger, pointCount, null, unavailable);
            throw unavailable;
        }
        catch (InfluxException ex) when (ex.Status == 0 || InfluxHttp.IsTransient(ex.Status) || InfluxHttp.IsConfigurationProblem(ex.Status))
        {
            var what = ex.Status == 0 ? "is unreachable" : $"failed ({ex.Status})";
            var hint = InfluxHttp.IsConfigurationProblem(ex.Status) ? " " + InfluxHttp.ConfigurationHint : "";
            var unavailable = new StorageUnavailableException($"InfluxDB v2 write API {what}: {ex.Message}{hint}", ex)
            {
                StatusCode = ex.Status == 0 ? null : ex.Status,
            };
            StorageLog.WriteUnavailable(_logger, pointCount, unavailable.StatusCode, unavailable);
            throw unavailable;
        }
        catch (InfluxException ex)
        {
            StorageLog.WriteRejected(_logger, pointCount, ex.Status);
            throw new StorageRejectedException($"InfluxDB refused to store points ({ex.Status}): {ex.Message}", ex)
            {
                StatusCode = ex.Status,
                ServerMessage = ex.Message,
            };
        }
        catch (HttpRequestException ex)
        {
            var unavailable = new StorageUnavailableException($"InfluxDB v2 write API is unreachable: {ex.Message}", ex);
            StorageLog.WriteUnavailable(_logger, pointCount, null, unavailable);
            throw unavailable;
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            var unavailable = new StorageUnavailableException(
                $"InfluxDB v2 write API did not answer within {_options.TimeoutSeconds} s.", ex);
            StorageLog.WriteUnavailable(_logger, pointCount, null, unavailable);
            throw unavailable;
        }
    }
}
