using Telehealth.Cohort.Randomness;

namespace Telehealth.Cohort.Citizens;

/// <summary>Plants non-events and device dropouts.</summary>
public static class DisturbancePlanner
{
    /// <summary>Heavy meals, bad SpO2 readings, days away, partial-wear days.</summary>
    public static IReadOnlyList<NonEvent> NonEvents(CitizenTraits traits, IReadOnlyList<LabelledEpisode> episodes, int days, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(traits);
        ArgumentNullException.ThrowIfNull(random);
        var events = new List<NonEvent>();
        var hasScale = traits.Devices.Contains(DeviceIds.Scale);
        var hasOximeter = traits.Devices.Contains(DeviceIds.Oximeter);
        var awayUntil = -1;
        for (var day = 0; day < days; day++)
        {
            if (hasScale && random.Chance(1.5 / 30))
            {
                events.Add(new NonEvent(NonEventKind.HeavyMeal, day + 1, 2, random.Uniform(0.6, 1.4)));
            }

            if (hasOximeter && random.Chance(1.0 / 20))
            {
                events.Add(new NonEvent(NonEventKind.BadSpo2Reading, day, 1, Math.Round(random.Uniform(80, 88))));
            }

            if (random.Chance(0.06))
            {
                events.Add(new NonEvent(NonEventKind.PartialWear, day, 1, random.Between(3, 9)));
            }

            var nearEpisode = episodes.Any(e => day >= e.StartDay - 14 && day <= e.EndDay + 3);
            if (!traits.IsRehab && day > awayUntil && !nearEpisode && random.Chance(0.8 / 365))
            {
                var length = random.Between(5, 10);
                events.Add(new NonEvent(NonEventKind.AwayWithoutWearable, day, length, 0));
                awayUntil = day + length;
            }
        }

        return events;
    }

    /// <summary>Per-device dropouts (≈ 0.4 a month, median 4 h, long tail) and gateway outages (≈ 0.15 a month, median 10 h).</summary>
    public static IReadOnlyList<DeviceDropout> Dropouts(IReadOnlyList<string> devices, DateTimeOffset start, int days, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(random);
        var dropouts = new List<DeviceDropout>();
        foreach (var device in devices.Append(DeviceIds.Gateway))
        {
            var (perMonth, medianHours) = device == DeviceIds.Gateway ? (0.15, 10.0) : (0.4, 4.0);
            var hours = random.Exponential(30 * 24 / perMonth);
            while (hours < days * 24)
            {
                var duration = Math.Min(medianHours * Math.Exp(1.3 * random.Gaussian()), 5 * 24);
                var begin = start.AddHours(hours);
                dropouts.Add(new DeviceDropout(device, begin, begin.AddHours(duration)));
                hours += duration + random.Exponential(30 * 24 / perMonth);
            }
        }

        return dropouts;
    }
}
