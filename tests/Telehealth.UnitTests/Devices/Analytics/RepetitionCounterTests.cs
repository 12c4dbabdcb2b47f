using Telehealth.Gateway.Devices.Analytics;

namespace Telehealth.UnitTests.Devices.Analytics;

public sealed class RepetitionCounterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(12, 0.0)]
    [InlineData(12, 5.0)]
    [InlineData(30, 5.0)]
    public void Add_RaisedCosineRepetitionsWithBoundedNoise_CountsExactly(int repetitions, double noiseAmplitudeDeg)
    {
        var counter = new RepetitionCounter(15);
        var random = new Random(repetitions);
        const double period = 4.0;
        for (var i = 0; i <= repetitions * period * 50; i++)
        {
            var t = i / 50.0;
            var angle = (90 * (1 - Math.Cos(2 * Math.PI * t / period)) / 2) + (noiseAmplitudeDeg * ((2 * random.NextDouble()) - 1));
            counter.Add(T0.AddSeconds(t), angle);
        }

        Assert.Equal(repetitions, counter.Count);
    }

    [Fact]
    public void Add_MovementsSmallerThanHysteresis_NotCounted()
    {
        var counter = new RepetitionCounter(15);
        for (var i = 0; i < 1000; i++)
        {
            counter.Add(T0.AddMilliseconds(20 * i), 40 + (7 * Math.Sin(i / 10.0)));
        }

        Assert.Equal(0, counter.Count);
    }

    [Fact]
    public void Add_JitterAroundThresholds_NoDoubleCount()
    {
        var counter = new RepetitionCounter(10);
        double[] angles = [0, 5, 11, 9, 12, 30, 21, 19, 22, 18, 25, 3, 12, 4, 0];
        foreach (var (angle, i) in angles.Select((a, i) => (a, i)))
        {
            counter.Add(T0.AddSeconds(i), angle);
        }

        Assert.Equal(1, counter.Count);
        Assert.Equal(T0.AddSeconds(5), counter.FirstPeakAt);
    }

    [Fact]
    public void Add_StartsHighAndFallsFirst_OnlyCompleteRepetitionsCount()
    {
        var counter = new RepetitionCounter(15);
        double[] angles = [90, 60, 30, 0, 45, 90, 45, 0];
        foreach (var (angle, i) in angles.Select((a, i) => (a, i)))
        {
            counter.Add(T0.AddSeconds(i), angle);
        }

        Assert.Equal(1, counter.Count);
        Assert.Equal(T0.AddSeconds(5), counter.LastPeakAt);
    }
}
