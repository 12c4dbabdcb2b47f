using Telehealth.Gateway.Devices.Sensors.PulseOximeter;
using Telehealth.Simulators.Buses.Max30102;

namespace Telehealth.UnitTests.Devices.Sensors.PulseOximeter;

public sealed class SpO2EstimatorTests
{
    [Theory]
    [InlineData(98.0, 62.0, 0.0)]
    [InlineData(97.0, 72.0, 30.0)]
    [InlineData(91.0, 110.0, 30.0)]
    [InlineData(86.0, 48.0, 30.0)]
    public void Estimate_SimulatedPpg_WithinOnePointAndThreeBeats(double spo2, double bpm, double noise)
    {
        var window = Window(new PulseOximetryScript(spo2, bpm, noise, seed: 9), seconds: 8);

        var estimate = SpO2Estimator.Estimate(window, 100);

        Assert.NotNull(estimate);
        Assert.InRange(estimate.SpO2Percent, spo2 - 1, spo2 + 1);
        Assert.InRange(estimate.PulseBpm, bpm - 3, bpm + 3);
    }

    [Fact]
    public void Estimate_NoFinger_Null()
    {
        var window = Enumerable.Range(0, 800).Select(i => new Max30102Sample(300 + (i % 3), 400 + (i % 5))).ToArray();
        Assert.Null(SpO2Estimator.Estimate(window, 100));
    }

    [Fact]
    public void Estimate_WindowShorterThanThreeSeconds_Null()
        => Assert.Null(SpO2Estimator.Estimate(Window(new PulseOximetryScript(97, 70), seconds: 2), 100));

    [Fact]
    public void Estimate_BaselineDrift_Detrended()
    {
        var script = new PulseOximetryScript(95, 75);
        var window = Window(script, seconds: 8)
            .Select((s, i) => new Max30102Sample(s.Red + (i * 3), s.Ir + (i * 4)))
            .ToArray();

        var estimate = SpO2Estimator.Estimate(window, 100);

        Assert.NotNull(estimate);
        Assert.InRange(estimate.SpO2Percent, 94, 96);
        Assert.InRange(estimate.PulseBpm, 72, 78);
    }

    private static Max30102Sample[] Window(PulseOximetryScript script, int seconds)
    {
        var random = new Random(script.Seed);
        return [.. Enumerable.Range(0, seconds * 100).Select(i =>
        {
            var (red, ir) = script.At(TimeSpan.FromMilliseconds(10 * i));
            double Noise() => script.NoiseCounts * ((random.NextDouble() * 2) - 1) * Math.Sqrt(3);
            return new Max30102Sample((int)Math.Round(red + Noise()), (int)Math.Round(ir + Noise()));
        })];
    }
}
