using Telehealth.Alerts.Observations;
using Telehealth.Alerts.Profiles;
using Telehealth.Cohort.Citizens;

namespace Telehealth.UnitTests.Cohort;

public sealed class CitizenSimulatorTests
{
    [Fact]
    public void Generate_SameSeedAndIndex_IdenticalCitizen()
    {
        var a = CitizenSimulator.Generate(7, 3, 120);
        var b = CitizenSimulator.Generate(7, 3, 120);

        Assert.Equal(a.Observations, b.Observations);
        Assert.Equal(a.Episodes, b.Episodes);
        Assert.Equal(a.Profile.PatientId, b.Profile.PatientId);
    }

    [Fact]
    public void Generate_OtherSeed_OtherReadings()
    {
        var a = CitizenSimulator.Generate(7, 3, 60);
        var b = CitizenSimulator.Generate(8, 3, 60);

        Assert.NotEqual(a.Observations, b.Observations);
    }

    [Fact]
    public void Generate_Observations_AreInTimeOrderAndInsideTheSimulatedDays()
    {
        var citizen = CitizenSimulator.Generate(1, 0, 90);

        Assert.True(citizen.Observations.Zip(citizen.Observations.Skip(1)).All(p => p.First.Time <= p.Second.Time));
        Assert.True(citizen.Observations[0].Time >= citizen.Start);
        Assert.True(citizen.Observations[^1].Time < citizen.Start.AddDays(90));
    }

    [Fact]
    public void Generate_YearOfHeartFailureCitizens_PlantsDecompensationsWithWeightGain()
    {
        var citizens = Enumerable.Range(0, 10).Select(i => i * 5).Select(i => CitizenSimulator.Generate(11, i, 365)).ToList();

        Assert.All(citizens, c => Assert.Equal(Condition.HeartFailure, c.Traits.Condition));
        var episodes = citizens.SelectMany(c => c.Episodes.Select(e => (Citizen: c, Episode: e))).ToList();
        Assert.True(episodes.Count >= 5, $"only {episodes.Count} episodes");
        Assert.All(episodes, p => Assert.Equal(EpisodeKind.HeartFailureDecompensation, p.Episode.Kind));
        Assert.All(episodes, p => Assert.True(p.Episode.OnsetDay >= EpisodePlanner.RunInDays));

        // Averaged over episodes, the weight the day before onset is above the weight two weeks earlier.
        var rises = episodes.Select(p => MeanWeight(p.Citizen, p.Episode.OnsetDay - 3, p.Episode.OnsetDay - 1)
            - MeanWeight(p.Citizen, p.Episode.StartDay - 10, p.Episode.StartDay - 1)).Where(d => !double.IsNaN(d)).ToList();
        Assert.True(rises.Average() > 0.8, $"mean rise {rises.Average():0.00} kg");
    }

    [Fact]
    public void Generate_AwayWithoutWearable_StepsMissingButHeartbeatsGoOn()
    {
        var (citizen, away) = Enumerable.Range(0, 60).Where(i => CitizenSimulator.ConditionOf(i) == Condition.AtRisk)
            .Select(i => CitizenSimulator.Generate(5, i, 365))
            .SelectMany(c => c.NonEvents.Where(n => n.Kind == NonEventKind.AwayWithoutWearable).Select(n => (c, n)))
            .First();
        var from = citizen.Start.AddDays(away.Day);
        var to = from.AddDays(away.Days);
        var during = citizen.Observations.Where(o => o.Time >= from && o.Time < to).ToList();

        Assert.DoesNotContain(during, o => o.Metric == MetricNames.Steps);
        Assert.Contains(during, o => o.Metric == MetricNames.DeviceHeartbeat && o.DeviceId == DeviceIds.Wearable);
    }

    [Fact]
    public void Generate_CopdCitizen_HasSpo2FloorBelowHabitualLevel()
    {
        var citizen = CitizenSimulator.Generate(2, 1, 30);

        Assert.Equal(Condition.Copd, citizen.Traits.Condition);
        Assert.True(citizen.Profile.Settings.Spo2Floor <= Math.Min(90, citizen.Traits.Spo2 - 3));
    }

    private static double MeanWeight(SimulatedCitizen citizen, int fromDay, int toDay)
    {
        var from = citizen.Start.AddDays(fromDay);
        var to = citizen.Start.AddDays(toDay + 1);
        var weights = citizen.Observations.Where(o => o.Metric == MetricNames.BodyWeight && o.Time >= from && o.Time < to).ToList();
        return weights.Count == 0 ? double.NaN : weights.Average(o => o.Value);
    }
}
