using System.Globalization;
using Telehealth.Alerts.Engine;
using Telehealth.Alerts.Observations;
using Telehealth.Alerts.Rules;
using Telehealth.Cohort.Citizens;

namespace Telehealth.Cohort.Cli;

/// <summary><c>trace --seed S --patient I [--days D]</c>: one citizen's daily values, episodes and firings, as TSV.</summary>
public static class TraceCommand
{
    /// <summary>Writes the trace.</summary>
    public static void Write(ulong seed, int index, int days, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var citizen = CitizenSimulator.Generate(seed, index, days);
        var profile = citizen.Profile;
        output.WriteLine($"# {profile.PatientId} {citizen.Traits.Condition}");
        foreach (var episode in citizen.Episodes)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# episode {episode.Kind} onset {episode.OnsetDay} prodrome {episode.ProdromeDays} plateau {episode.PlateauDays} recovery {episode.RecoveryDays} hospital {episode.HospitalDays} {episode.Effect}"));
        }

        var rules = RuleCatalog.Resolve(RuleCatalog.OfferedRuleIds(profile.Conditions));
        output.WriteLine("day\tweight\trhr\tspo2_best\tsteps\twear_h\tsessions\trom\tstrength\tfirings");
        for (var day = 0; day < days; day++)
        {
            var now = citizen.Start.AddDays(day).AddHours(22);
            var dayNumber = LocalDays.DayOf(now, profile.UtcOffset);
            var table = new Dictionary<string, DayAggregate>(StringComparer.Ordinal);
            foreach (var o in citizen.Observations.Where(o => LocalDays.DayOf(o.Time, profile.UtcOffset) == dayNumber))
            {
                var aggregate = table.GetValueOrDefault(o.Metric);
                aggregate.Add(o.Value, LocalDays.HourOf(o.Time, profile.UtcOffset));
                table[o.Metric] = aggregate;
            }

            var firings = AlertEngine.Evaluate(profile, citizen.Observations, now, rules).Where(f => f.Category == AlertCategory.Clinical);
            var strength = citizen.Episodes.Sum(e => e.Strength(day));
            output.WriteLine(string.Join('\t',
                day.ToString(CultureInfo.InvariantCulture),
                Value(table, MetricNames.BodyWeight, a => a.First),
                Value(table, MetricNames.RestingHeartRate, a => a.Last),
                Value(table, MetricNames.Spo2, a => a.Max),
                Value(table, MetricNames.Steps, a => a.Sum),
                Value(table, MetricNames.Steps, a => a.HoursWithData),
                Value(table, MetricNames.SessionDuration, a => a.Count),
                Value(table, MetricNames.RangeOfMotion, a => a.Mean),
                strength.ToString("0.00", CultureInfo.InvariantCulture),
                string.Join(',', firings.Select(f => f.RuleId))));
        }
    }

    private static string Value(Dictionary<string, DayAggregate> table, string metric, Func<DayAggregate, double> select)
        => table.TryGetValue(metric, out var a) ? select(a).ToString("0.#", CultureInfo.InvariantCulture) : "-";
}
