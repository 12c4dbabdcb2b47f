using System.Globalization;
using System.Text;
using Telehealth.Alerts.Observations;
using Telehealth.Alerts.Profiles;
using Telehealth.Alerts.Rules;
using Telehealth.Ingest.Storage.InfluxQl;

namespace Telehealth.Ingest.Alerting;

/// <summary>
/// Reads back what the rules need from InfluxDB in one InfluxQL request: for each metric the rules read, only the
/// needed fields of the patient's points since local midnight <c>LookbackDays + 1</c> days ago (the engine's
/// history window), and — when devices are watched for silence — the last point per device over that window
/// (<c>LAST("received_ms") … GROUP BY "device"</c>), not its history. Quarantined or rejected readings are never in
/// InfluxDB, so they never feed an alert.
/// </summary>
public sealed class ObservationReader(InfluxQlClient influx)
{
    /// <summary>The patient's observations in time order.</summary>
    public async Task<IReadOnlyList<Observation>> ReadAsync(PatientProfile profile, IReadOnlyList<IAlertRule> rules, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(rules);
        var query = BuildQuery(profile, rules, now);
        if (query.Length == 0)
        {
            return [];
        }

        var result = await influx.QueryAsync(query, cancellationToken).ConfigureAwait(false);
        var observations = new List<Observation>();
        foreach (var series in result.Series)
        {
            var timeColumn = series.ColumnIndex("time");
            if (series.ColumnIndex("last") >= 0 && series.Tags.TryGetValue("device", out var device))
            {
                for (var row = 0; row < series.Values.Count; row++)
                {
                    observations.Add(new Observation(TimeOf(series, row), MetricNames.DeviceHeartbeat, 0, device));
                }

                continue;
            }

            for (var column = 0; column < series.Columns.Count; column++)
            {
                if (column == timeColumn)
                {
                    continue;
                }

                var field = series.Columns[column];
                var metric = field == "value" ? series.Name : series.Name + "." + field;
                for (var row = 0; row < series.Values.Count; row++)
                {
                    if (series.GetDouble(row, field) is { } value)
                    {
                        observations.Add(new Observation(TimeOf(series, row), metric, value));
                    }
                }
            }
        }

        observations.Sort((a, b) => a.Time.CompareTo(b.Time));
        return observations;
    }

    /// <summary>The InfluxQL statements (joined by <c>;</c>) for the rules; empty when they read nothing.</summary>
    public static string BuildQuery(PatientProfile profile, IReadOnlyList<IAlertRule> rules, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.Count == 0)
        {
            return "";
        }

        var lookbackDays = rules.Max(r => r.LookbackDays) + 1;
        var start = LocalDays.StartOf(LocalDays.DayOf(now, profile.UtcOffset) - lookbackDays, profile.UtcOffset);
        var window = string.Create(CultureInfo.InvariantCulture,
            $"{InfluxQlClient.QuoteIdentifier("patient")} = {InfluxQlClient.QuoteLiteral(profile.PatientId)} AND time >= {start.ToUnixTimeMilliseconds()}ms AND time <= {now.ToUnixTimeMilliseconds()}ms");
        var statements = new List<string>();
        foreach (var measurement in rules.SelectMany(r => r.Metrics).Distinct(StringComparer.Ordinal)
                     .Select(Split).GroupBy(m => m.Measurement, StringComparer.Ordinal))
        {
            var fields = string.Join(", ", measurement.Select(m => m.Field).Distinct(StringComparer.Ordinal).Select(InfluxQlClient.QuoteIdentifier));
            statements.Add($"SELECT {fields} FROM {InfluxQlClient.QuoteIdentifier(measurement.Key)} WHERE {window}");
        }

        if (profile.Devices.Count > 0 && rules.Any(r => r.Id == RuleIds.DeviceSilence))
        {
            statements.Add($"SELECT LAST({InfluxQlClient.QuoteIdentifier("received_ms")}) FROM /.*/ WHERE {window} GROUP BY {InfluxQlClient.QuoteIdentifier("device")}");
        }

        return string.Join("; ", statements);
    }

    private static (string Measurement, string Field) Split(string metric)
    {
        var dot = metric.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? (metric, "value") : (metric[..dot], metric[(dot + 1)..]);
    }

    private static DateTimeOffset TimeOf(InfluxQlSeries series, int row)
        => DateTimeOffset.FromUnixTimeMilliseconds(series.GetInt64(row, "time") ?? throw new InvalidOperationException("InfluxQL row without time"));
}
