using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Telehealth.Ingest.Contracts.Batches;
using Telehealth.Ingest.Contracts.Enrolment;
using Telehealth.Ingest.Gateways;
using Telehealth.Ingest.Storage;
using Telehealth.Ingest.Storage.LineProtocol;
using Telehealth.Ingest.Telemetry;

namespace Telehealth.Ingest.Batches;

/// <summary>
/// <c>POST /api/v1/batches</c>: an authenticated gateway sends readings for its bound patient; each reading is
/// validated, the valid ones are written (idempotently: a replay overwrites the same points), and the answer lists
/// what happened to each reading so the gateway can dead-letter the rejected ones — every reading, or with
/// <c>Prefer: return=minimal</c> (RFC 7240) only those not stored (<see cref="MinimalAnswer"/>).
/// </summary>
public static partial class BatchApi
{
    /// <summary>The audit action of a batch.</summary>
    public const string WriteAction = "batches.write";

    public static IEndpointRouteBuilder MapBatches(this IEndpointRouteBuilder app)
    {
        app.MapPost(IngestRoutes.Batches, PostBatchAsync)
            .RequireRateLimiting(Intake.GatewayRateLimiting.PolicyName)
            .Accepts<IngestBatch>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Store a gateway's batch of readings; answers one result per reading (with Prefer: return=minimal, only the readings not stored)");
        return app;
    }

    private static async Task<Results<Ok<IngestBatchResult>, ProblemHttpResult>> PostBatchAsync(
        HttpContext http,
        GatewayAuthenticator authenticator,
        SecurityEvents security,
        BatchValidator validator,
        IPointWriter writer,
        IngestMetrics metrics,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(BatchApi));
        var auth = await authenticator.AuthenticateAsync(http, WriteAction, cancellationToken);
        if (auth.Gateway is not { } gateway)
        {
            return auth.Refusal!;
        }

        ParsedBatch batch;
        try
        {
            using var body = await ReadBodyAsync(http.Request.Body, cancellationToken);
            batch = BatchReader.Read(body.WrittenSpan, gateway.PatientId, validator.LatestDeviceTimeMs());
        }
        catch (JsonException ex)
        {
            return TypedResults.Problem(statusCode: 400, title: "Malformed batch", detail: ex.Message);
        }
        catch (BadHttpRequestException ex)
        {
            return TypedResults.Problem(statusCode: ex.StatusCode, title: "Bad request body", detail: ex.Message);
        }

        using (batch)
        {
            if (!batch.HasReadings)
            {
                return TypedResults.Problem(statusCode: 400, title: "Malformed batch", detail: "readings is missing");
            }

            if (!string.Equals(batch.GatewayId, gateway.Id, StringComparison.Ordinal)
                || !string.Equals(batch.PatientId, gateway.PatientId, StringComparison.Ordinal))
            {
                return await security.RefuseAsync(new SecurityRefusal("gateway", gateway.Id, WriteAction, gateway.PatientId, 403, "patient-not-bound",
                    "a gateway may write only for itself and its bound patient"), cancellationToken);
            }

            var unenrolled = batch.DeviceIds.Where(d => !gateway.Devices.Contains(d)).Order(StringComparer.Ordinal).ToList();
            if (unenrolled.Count > 0)
            {
                return await security.RefuseAsync(new SecurityRefusal("gateway", gateway.Id, WriteAction, gateway.PatientId, 403, "devices-not-enrolled",
                    $"{unenrolled.Count} device(s) in this batch are not enrolled on the gateway; nothing was written",
                    new Dictionary<string, object?> { [UnenrolledDevicesProblem.ExtensionName] = unenrolled.Take(100).ToArray() }), cancellationToken);
            }

            var stored = batch.StoredLines.Count;
            if (stored > 0)
            {
                try
                {
                    stored -= await WriteAsync(writer, batch, metrics, time, logger, cancellationToken);
                }
                catch (StorageUnavailableException ex)
                {
                    metrics.StorageUnavailable();
                    LogStorageUnavailable(logger, ex.Message);
                    http.Response.Headers.RetryAfter = "2";
                    return TypedResults.Problem(statusCode: 503, title: "Storage unavailable", detail: "the time-series store is unreachable; keep the batch and retry");
                }
            }

            // Counted once the batch is answered: a 503'd batch comes back and would count its rejections twice.
            foreach (var rejectedClass in batch.RejectedClasses)
            {
                metrics.ReadingRejected(rejectedClass);
            }

            metrics.ReadingsStored(stored);
            http.RequestServices.GetService<Alerting.AlertEvaluationScheduler>()?.MarkDirty(gateway.PatientId, stored);
            if (MinimalAnswer.IsPreferred(http.Request.Headers))
            {
                http.Response.Headers[MinimalAnswer.AppliedHeader] = MinimalAnswer.Preference;
                return TypedResults.Ok(new IngestBatchResult(stored, batch.RejectedCount, batch.NotStoredResults()));
            }

            return TypedResults.Ok(new IngestBatchResult(stored, batch.RejectedCount, batch.AllResults()));
        }
    }

    /// <summary>
    /// The whole (already inflated, size-limited) body in one pooled buffer: Kestrel and the decompression middleware cut
    /// it off at <c>Intake:MaxBodyBytes</c> with a 413 <see cref="BadHttpRequestException"/>.
    /// </summary>
    private static async Task<LineProtocolBuffer> ReadBodyAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new LineProtocolBuffer(64 * 1024);
        try
        {
            while (true)
            {
                var read = await body.ReadAsync(buffer.GetMemory(32 * 1024), cancellationToken);
                if (read == 0)
                {
                    return buffer;
                }

                buffer.Advance(read);
            }
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Writes the valid readings' lines in one request. When the store refuses the request (e.g. a field type conflict),
    /// the lines are written one by one so that only the offending readings are rejected — InfluxDB 1.x may already
    /// have stored the others (a partial write), which the retry overwrites harmlessly. Returns how many were rejected.
    /// </summary>
    private static async Task<int> WriteAsync(IPointWriter writer, ParsedBatch batch, IngestMetrics metrics, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        try
        {
            await writer.WriteLinesAsync(batch.Lines.WrittenMemory, batch.StoredLines.Count, cancellationToken);
            return 0;
        }
        catch (StorageRejectedException ex)
        {
            LogStorageRejected(logger, batch.StoredLines.Count, ex.StatusCode);
        }
        finally
        {
            metrics.InfluxWrite(time.GetElapsedTime(started));
        }

        var rejected = 0;
        foreach (var line in batch.StoredLines)
        {
            started = time.GetTimestamp();
            try
            {
                await writer.WriteLinesAsync(batch.Lines.WrittenMemory.Slice(line.Start, line.Length), 1, cancellationToken);
            }
            catch (StorageRejectedException ex)
            {
                rejected++;
                metrics.ReadingRejected(RejectionClass.Storage);
                batch.Reject(line.ReadingIndex, "refused by the time-series store: " + ex.ServerMessage);
            }
            finally
            {
                metrics.InfluxWrite(time.GetElapsedTime(started));
            }
        }

        return rejected;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Time-series store refused a write of {Count} readings ({Status}); writing them one by one to find the offending ones")]
    private static partial void LogStorageRejected(ILogger logger, int count, int status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Time-series store unavailable; answering 503: {Error}")]
    private static partial void LogStorageUnavailable(ILogger logger, string error);
}
