using Telehealth.Alerts.Observations;
using Telehealth.Cohort.Citizens;
using Telehealth.Cohort.Randomness;

namespace Telehealth.Cohort.Physiology;

/// <summary>
/// Turns a day's latent physiology into the readings the devices would send: measurement noise, rounding,
/// adherence (missing days), wear time, device heartbeats and dropouts.
/// </summary>
public sealed class ReadingWriter
{
    /// <summary>Devices send a heartbeat this often.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromHours(4);

    private static readonly double[] HourShape = BuildHourShape();
    private readonly CitizenTraits _traits;
    private readonly IReadOnlyList<DeviceDropout> _dropouts;
    private readonly SeededRandom _random;
    private readonly List<Observation> _observations;

    /// <summary>Creates a writer appending to <paramref name="observations"/>.</summary>
    public ReadingWriter(CitizenTraits traits, IReadOnlyList<DeviceDropout> dropouts, SeededRandom random, List<Observation> observations)
    {
        _traits = traits;
        _dropouts = dropouts;
        _random = random;
        _observations = observations;
    }

    /// <summary>Writes the readings of one day starting at local midnight <paramref name="midnight"/>.</summary>
    public void WriteDay(DateTimeOffset midnight, DayState state, DayContext day)
    {
        ArgumentNullException.ThrowIfNull(day);
        var t = _traits;
        var r = _random;
        foreach (var device in t.Devices)
        {
            for (var hour = 1.0; hour < 24; hour += HeartbeatInterval.TotalHours)
            {
                Add(device, midnight.AddHours(hour + r.Uniform(0, 0.2)), MetricNames.DeviceHeartbeat, 1);
            }
        }

        if (!day.AtHome)
        {
            return;
        }

        var wake = t.Day.Wake;
        if (t.Devices.Contains(DeviceIds.Scale) && r.Chance(t.Adherence.Weigh))
        {
            var weight = Math.Round(r.Normal(state.Weight, t.WeightNoise), 1);
            var at = midnight.AddHours(wake + r.Uniform(0.1, 0.6));
            Add(DeviceIds.Scale, at, MetricNames.BodyWeight, weight);
            if (r.Chance(0.05))
            {
                Add(DeviceIds.Scale, at.AddMinutes(2), MetricNames.BodyWeight, Math.Round(weight + r.Normal(0, 0.15), 1));
            }
        }

        if (t.Devices.Contains(DeviceIds.BloodPressureCuff) && r.Chance(t.Adherence.BloodPressure))
        {
            var daySystolic = r.Normal(state.Systolic, 7);
            var at = midnight.AddHours(wake + r.Uniform(0.6, 1.0));
            for (var i = 0; i < 2; i++)
            {
                var systolic = Math.Round(r.Normal(daySystolic, 5));
                Add(DeviceIds.BloodPressureCuff, at.AddMinutes(2 * i), MetricNames.Systolic, systolic);
                Add(DeviceIds.BloodPressureCuff, at.AddMinutes(2 * i), MetricNames.Diastolic, Math.Round((0.55 * systolic) + r.Normal(8, 4)));
            }
        }

        if (t.Devices.Contains(DeviceIds.Oximeter))
        {
            WriteSpo2(midnight, state, day);
        }

        if (day.WearHours > 0)
        {
            WriteWearable(midnight, state, day.WearHours);
        }

        if (t.IsRehab && t.SessionDays[(int)day.DayOfWeek] && r.Chance(t.SessionAdherence * (1 - state.MissedSessionChance)))
        {
            WriteSession(midnight, state, day);
        }
    }

    private void WriteSpo2(DateTimeOffset midnight, DayState state, DayContext day)
    {
        var r = _random;
        double[] hours = [8.5, 19.5];
        var bad = day.BadSpo2Reading is { } value ? r.Between(0, 1) : -1;
        for (var i = 0; i < hours.Length; i++)
        {
            if (!r.Chance(_traits.Adherence.Spo2))
            {
                continue;
            }

            var reading = i == bad ? day.BadSpo2Reading!.Value : Math.Min(100, Math.Round(r.Normal(state.Spo2, 1.0)));
            Add(DeviceIds.Oximeter, midnight.AddHours(hours[i] + r.Uniform(0, 0.5)), MetricNames.Spo2, reading);
        }
    }

    private void WriteWearable(DateTimeOffset midnight, DayState state, int wearHours)
    {
        var r = _random;
        var wake = _traits.Day.Wake;
        var bed = _traits.Day.Bed;
        Add(DeviceIds.Wearable, midnight.AddHours(wake + r.Uniform(0, 0.3)), MetricNames.RestingHeartRate, Math.Round(state.RestingHr));
        var weights = new double[24];
        var total = 0.0;
        for (var hour = wake; hour < bed; hour++)
        {
            weights[hour] = HourShape[hour] * Math.Exp(r.Normal(0, 0.35));
            total += weights[hour];
        }

        for (var hour = wake; hour < Math.Min(bed, wake + wearHours); hour++)
        {
            var steps = Math.Round(state.Steps * weights[hour] / total);
            var at = midnight.AddHours(hour + 1).AddMinutes(-1);
            Add(DeviceIds.Wearable, at, MetricNames.Steps, steps);
            var heartRate = state.RestingHr + 10 + (0.012 * steps) + r.Normal(0, 4);
            Add(DeviceIds.Wearable, at, MetricNames.HeartRate, Math.Round(Math.Clamp(heartRate, 40, 180)));
        }
    }

    private void WriteSession(DateTimeOffset midnight, DayState state, DayContext day)
    {
        var r = _random;
        var at = midnight.AddHours(r.Uniform(10, 17));
        Add(DeviceIds.MotionSensor, at, MetricNames.RangeOfMotion, Math.Round(r.Normal(state.RangeOfMotion, 4), 1));
        Add(DeviceIds.MotionSensor, at, MetricNames.Repetitions, Math.Max(0, Math.Round(r.Normal(state.Repetitions, 2))));
        Add(DeviceIds.MotionSensor, at.AddMinutes(1), MetricNames.SessionDuration, Math.Round(r.Uniform(15, 35) * 60));
        if (day.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Wednesday)
        {
            Add(DeviceIds.GripBoard, at.AddMinutes(2), MetricNames.GripForce, Math.Round(r.Normal(state.Grip, 0.07 * state.Grip)));
        }
    }

    private void Add(string device, DateTimeOffset at, string metric, double value)
    {
        foreach (var dropout in _dropouts)
        {
            if (dropout.Silences(device, at))
            {
                return;
            }
        }

        _observations.Add(new Observation(at, metric, value, device));
    }

    private static double[] BuildHourShape()
    {
        var shape = new double[24];
        for (var hour = 0; hour < 24; hour++)
        {
            var h = hour + 0.5;
            shape[hour] = 0.3 + Math.Exp(-((h - 10.5) * (h - 10.5)) / 6) + (0.8 * Math.Exp(-((h - 16.5) * (h - 16.5)) / 6));
        }

        return shape;
    }
}
