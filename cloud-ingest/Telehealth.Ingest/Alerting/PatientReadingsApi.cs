using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Telehealth.Ingest.Contracts.Identity;
using Telehealth.Ingest.Contracts.Metrics;
using Telehealth.Ingest.Storage;
using Telehealth.Ingest.Storage.InfluxQl;

namespace Telehealth.Ingest.Alerting;

/// <summary>
/// <c>GET /api/v1/patients/{id}/readings?metric=&amp;from=&amp;to=</c>: the data an alert links to, read from InfluxDB
/// with InfluxQL. Same rules as the alert API: a therapist of the patient's care team, audited with its purpose
/// (<c>readings.read</c>), refusals audited. <c>from</c>/<c>to</c> ISO 8601 (default: the last 7 days), at most 400
/// days, at most 10,000 readings; no metric = every metric.
/// </summary>
public static class PatientReadingsApi
{
    public const int MaxReadings = 10_000;

    public static IEndpointRouteBuilder MapPatientReadings(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/patients/{patientId}/readings", GetAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("A patient's readings in a window (what an alert rests on)");
        return app;
    }

    private static async Task<Results<Ok<PatientReadings>, ProblemHttpResult>> GetAsync(
        string patientId, HttpContext http, StaffAccess access, InfluxQlClient influx, AlertingMetrics metrics, TimeProvider time, CancellationToken cancellationToken,
        string? metric = null, string? from = null, string? to = null)
    {
        var problem = Check(patientId, metric, from, to, time.GetUtcNow(), out var start, out var end);
        if (problem is not null)
        {
            metrics.BadRequest();
            return problem;
        }

        var decision = await access.AuthorizeAsync(http, "readings.read", patientId, cancellationToken);
        if (decision.Member is not { } member)
        {
            return decision.Problem!;
        }

        var source = metric is null ? "/.*/" : InfluxQlClient.QuoteIdentifier(metric);
        var query = string.Create(CultureInfo.InvariantCulture,
            $"SELECT * FROM {source} WHERE \"patient\" = {InfluxQlClient.QuoteLiteral(patientId)} AND time >= {start.ToUnixTimeMilliseconds()}ms AND time <= {end.ToUnixTimeMilliseconds()}ms LIMIT {MaxReadings + 1}");
        InfluxQlResult result;
        try
        {
            result = await influx.QueryAsync(query, cancellationToken);
        }
        catch (StorageUnavailableException)
        {
            return TypedResults.Problem(statusCode: 503, title: "Storage unavailable", detail: "the time-series store is unreachable; try again");
        }

        await access.AllowedAsync(member, "readings.read", patientId, decision.Purpose,
            string.Create(CultureInfo.InvariantCulture, $"metric={metric ?? "*"} from={start:O} to={end:O}"), cancellationToken);
        var readings = new List<ReadingView>();
        foreach (var series in result.Series)
        {
            var definition = MetricCatalog.TryGet(series.Name, out var d) ? d : null;
            for (var row = 0; row < series.Values.Count; row++)
            {
                var values = new Dictionary<string, double>(StringComparer.Ordinal);
                foreach (var column in series.Columns)
                {
                    if (column is "time" or "device" or "patient" or "received_ms" || (definition is not null && definition.FindComponent(column) is null))
                    {
                        continue;
                    }

                    if (series.GetDouble(row, column) is { } value)
                    {
                        values[column] = value;
                    }
                }

                var received = series.ColumnIndex("received_ms") >= 0 ? series.GetInt64(row, "received_ms") : null;
                readings.Add(new ReadingView(series.Name, DateTimeOffset.FromUnixTimeMilliseconds(series.GetInt64(row, "time")!.Value),
                    series.ColumnIndex("device") >= 0 ? series.GetString(row, "device") : null, values,
                    received is { } r ? DateTimeOffset.FromUnixTimeMilliseconds(r) : null));
            }
        }

        readings.Sort((a, b) => a.Time.CompareTo(b.Time));
        var truncated = readings.Count > MaxReadings;
        return TypedResults.Ok(new PatientReadings(patientId, metric, start, end, truncated ? readings[..MaxReadings] : readings, truncated));
    }

    private static ProblemHttpResult? Check(string patientId, string? metric, string? from, string? to, DateTimeOffset now, out DateTimeOffset start, out DateTimeOffset end)
    {
        end = now;
        start = now.AddDays(-7);
        if (PseudonymousId.Validate(patientId, "patient id") is { } error)
        {
            return TypedResults.Problem(statusCode: 400, title: "Bad patient id", detail: error);
        }

        if (metric is not null && !MetricCatalog.TryGet(metric, out _))
        {
            return TypedResults.Problem(statusCode: 400, title: "Unknown metric", detail: $"'{(metric.Length > 64 ? metric[..64] : metric)}' is not in the metric catalogue");
        }

        if (to is not null && !TryParse(to, out end))
        {
            return TypedResults.Problem(statusCode: 400, title: "Bad time", detail: "to must be an ISO 8601 time");
        }

        if (from is not null && !TryParse(from, out start))
        {
            return TypedResults.Problem(statusCode: 400, title: "Bad time", detail: "from must be an ISO 8601 time");
        }
        else if (from is null)
        {
            start = end.AddDays(-7);
        }

        if (start > end || end - start > TimeSpan.FromDays(400))
        {
            return TypedResults.Problem(statusCode: 400, title: "Bad window", detail: "from must not be after to, and the window may span at most 400 days");
        }

        return null;
    }

    private static bool TryParse(string text, out DateTimeOffset time)
        => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
}
