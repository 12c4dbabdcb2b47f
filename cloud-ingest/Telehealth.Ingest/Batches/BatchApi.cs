using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Telehealth.Ingest.Contracts.Batches;
using Telehealth.Ingest.Contracts.Enrolment;
using Telehealth.Ingest.Gateways;
using Telehealth.Ingest.Storage;

namespace Telehealth.Ingest.Batches;

/// <summary>
/// <c>POST /api/v1/batches</c>: an authenticated gateway sends readings for its bound patient; each reading is
/// validated, the valid ones are written (idempotently: a replay overwrites the same points), and the answer lists
/// what happened to each reading so the gateway can dead-letter the rejected ones.
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
            .WithSummary("Store a gateway's batch of readings; answers one result per reading");
        return app;
    }

    private static async Task<Results<Ok<IngestBatchResult>, ProblemHttpResult>> PostBatchAsync(
        HttpContext http,
        GatewayAuthenticator authenticator,
        SecurityEvents security,
        BatchValidator validator,
        IPointWriter writer,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(BatchApi));
        var auth = await authenticator.AuthenticateAsync(http, WriteAction, cancellationToken);
        if (auth.Gateway is not { } gateway)
        {
            return auth.Refusal!;
        }

        IngestBatch? batch;
        try
        {
            batch = await JsonSerializer.DeserializeAsync(http.Request.Body, IngestJsonContext.Default.IngestBatch, cancellationToken);
        }
        catch (JsonException ex)
        {
            return TypedResults.Problem(statusCode: 400, title: "Malformed batch", detail: ex.Message);
        }
        catch (BadHttpRequestException ex)
        {
            return TypedResults.Problem(statusCode: ex.StatusCode, title: "Bad request body", detail: ex.Message);
        }

        if (batch?.Readings is null)
        {
            return TypedResults.Problem(statusCode: 400, title: "Malformed batch", detail: "readings is missing");
        }

        if (!string.Equals(batch.GatewayId, gateway.Id, StringComparison.Ordinal)
            || !string.Equals(batch.PatientId, gateway.PatientId, StringComparison.Ordinal))
        {
            return await security.RefuseAsync(new SecurityRefusal("gateway", gateway.Id, WriteAction, gateway.PatientId, 403, "patient-not-bound",
                "a gateway may write only for itself and its bound patient"), cancellationToken);
        }

        var unenrolled = batch.Readings.Select(r => r?.DeviceId).OfType<string>()
            .Where(d => d.Length > 0 && !gateway.Devices.Contains(d)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (unenrolled.Count > 0)
        {
            return await security.RefuseAsync(new SecurityRefusal("gateway", gateway.Id, WriteAction, gateway.PatientId, 403, "devices-not-enrolled",
                $"{unenrolled.Count} device(s) in this batch are not enrolled on the gateway; nothing was written",
                new Dictionary<string, object?> { [UnenrolledDevicesProblem.ExtensionName] = unenrolled.Take(100).ToArray() }), cancellationToken);
        }

        var results = new ReadingResult[batch.Readings.Count];
        var valid = new List<IngestReading>(batch.Readings.Count);
        var rejected = 0;
        for (var i = 0; i < results.Length; i++)
        {
            var reading = batch.Readings[i];
            var reason = reading is null ? "reading is null" : validator.Validate(gateway.PatientId, reading);
            if (reason is null)
            {
                valid.Add(reading!);
                results[i] = new ReadingResult(reading!.Id, ReadingStatus.Stored);
            }
            else
            {
                rejected++;
                results[i] = new ReadingResult(reading?.Id ?? -1, ReadingStatus.Rejected, reason);
            }
        }

        var stored = valid.Count;
        if (valid.Count > 0)
        {
            try
            {
                stored -= await WriteAsync(writer, gateway.PatientId, valid, results, logger, cancellationToken);
            }
            catch (StorageUnavailableException ex)
            {
                LogStorageUnavailable(logger, ex.Message);
                http.Response.Headers.RetryAfter = "2";
                return TypedResults.Problem(statusCode: 503, title: "Storage unavailable", detail: "the time-series store is unreachable; keep the batch and retry");
            }
        }

        http.RequestServices.GetService<Alerting.AlertEvaluationScheduler>()?.MarkDirty(gateway.PatientId, stored);
        return TypedResults.Ok(new IngestBatchResult(stored, results.Length - stored, results));
    }

    /// <summary>
    /// Writes the valid readings in one request. When the store refuses the request (e.g. a field type conflict), the
    /// readings are written one by one so that only the offending ones are rejected — InfluxDB 1.x may already have
    /// stored the others (a partial write), which the retry overwrites harmlessly. Returns how many were rejected.
    /// </summary>
    private static async Task<int> WriteAsync(IPointWriter writer, string patientId, List<IngestReading> valid, ReadingResult[] results, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await writer.WriteAsync(patientId, valid, cancellationToken);
            return 0;
        }
        catch (StorageRejectedException ex)
        {
            LogStorageRejected(logger, valid.Count, ex.StatusCode);
        }

        var rejected = 0;
        var index = results.Select((r, i) => (r.Id, i)).GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.Select(x => x.i).ToList());
        foreach (var reading in valid)
        {
            try
            {
                await writer.WriteAsync(patientId, [reading], cancellationToken);
            }
            catch (StorageRejectedException ex)
            {
                rejected++;
                foreach (var i in index[reading.Id])
                {
                    results[i] = new ReadingResult(reading.Id, ReadingStatus.Rejected, "refused by the time-series store: " + ex.ServerMessage);
                }
            }
        }

        return rejected;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Time-series store refused a write of {Count} readings ({Status}); writing them one by one to find the offending ones")]
    private static partial void LogStorageRejected(ILogger logger, int count, int status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Time-series store unavailable; answering 503: {Error}")]
    private static partial void LogStorageUnavailable(ILogger logger, string error);
}
