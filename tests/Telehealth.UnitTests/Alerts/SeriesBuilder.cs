using Telehealth.Alerts.Observations;
using Telehealth.Alerts.Profiles;
using Telehealth.Alerts.Rules;

namespace Telehealth.UnitTests.Alerts;

/// <summary>Hand-made observation series: day 0 is <see cref="Start"/> (local midnight, UTC+1).</summary>
public sealed class SeriesBuilder
{
    public static readonly DateTimeOffset Start = new(2025, 3, 3, 0, 0, 0, TimeSpan.FromHours(1));

    private readonly List<Observation> _observations = [];

    public IReadOnlyList<Observation> Observations => _observations.OrderBy(o => o.Time).ToList();

    public static DateTimeOffset At(int day, double hour = 22) => Start.AddDays(day).AddHours(hour);

    public static PatientProfile Profile(PatientRuleSettings? settings = null, params Condition[] conditions)
        => new("p-1", conditions.Length == 0 ? [Condition.HeartFailure] : conditions, Start)
        {
            UtcOffset = Start.Offset,
            Settings = settings ?? PatientRuleSettings.Default,
        };

    public SeriesBuilder Add(int day, double hour, string metric, double value, string? device = null)
    {
        _observations.Add(new Observation(At(day, hour), metric, value, device));
        return this;
    }

    /// <summary>One reading per day at <paramref name="hour"/>; NaN values are skipped (missing day).</summary>
    public SeriesBuilder Daily(string metric, int firstDay, IEnumerable<double> values, double hour = 8)
    {
        var day = firstDay;
        foreach (var value in values)
        {
            if (!double.IsNaN(value))
            {
                Add(day, hour, metric, value);
            }

            day++;
        }

        return this;
    }

    /// <summary>Steps for a day spread over <paramref name="wearHours"/> hourly readings from 07:00.</summary>
    public SeriesBuilder StepsDay(int day, double total, int wearHours = 14)
    {
        for (var hour = 0; hour < wearHours; hour++)
        {
            Add(day, 7 + hour + 0.5, MetricNames.Steps, total / wearHours, "wearable");
        }

        return this;
    }

    public static IReadOnlyList<AlertFiring> Run(IAlertRule rule, PatientProfile profile, IReadOnlyList<Observation> observations, DateTimeOffset now)
        => Telehealth.Alerts.Engine.AlertEngine.Evaluate(profile, observations, now, [rule]);
}
