using Telehealth.Gateway.Devices.Gatt.Cadence;

namespace Telehealth.UnitTests.Devices.Gatt.Cadence;

public sealed class RevolutionRateCalculatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Update_FirstValue_IsUnknown()
    {
        var calculator = new RevolutionRateCalculator(16, 1024, TimeSpan.FromSeconds(3));

        Assert.Null(calculator.Update(10, 1024, T0));
    }

    [Fact]
    public void Update_TwoRevolutionsInOneSecond_IsTwoPerSecond()
    {
        var calculator = new RevolutionRateCalculator(16, 1024, TimeSpan.FromSeconds(3));
        calculator.Update(10, 1024, T0);

        Assert.Equal(2.0, calculator.Update(12, 2048, T0.AddSeconds(1)));
    }

    [Fact]
    public void Update_CountersWrapAround_UsesModularDifference()
    {
        var calculator = new RevolutionRateCalculator(16, 1024, TimeSpan.FromSeconds(3));
        calculator.Update(65535, 65024, T0);

        // +2 revolutions (65535 → 1) over +1024 ticks (65024 → 512): 2 rev/s.
        Assert.Equal(2.0, calculator.Update(1, 512, T0.AddSeconds(1)));
    }

    [Fact]
    public void Update_ThirtyTwoBitWheelCounterWraps_UsesModularDifference()
    {
        var calculator = new RevolutionRateCalculator(32, 2048, TimeSpan.FromSeconds(3));
        calculator.Update(uint.MaxValue - 1, 0, T0);

        Assert.Equal(4.0, calculator.Update(2, 2048, T0.AddSeconds(1)));
    }

    [Fact]
    public void Update_NoNewEventWithinStopTime_IsUnknownThenZeroAfterIt()
    {
        var calculator = new RevolutionRateCalculator(16, 1024, TimeSpan.FromSeconds(3));
        calculator.Update(10, 1024, T0);
        calculator.Update(12, 2048, T0.AddSeconds(1));

        Assert.Null(calculator.Update(12, 2048, T0.AddSeconds(2)));
        Assert.Equal(0.0, calculator.Update(12, 2048, T0.AddSeconds(4)));
    }

    [Fact]
    public void Update_GapLongerThanEventTimeWrap_Restarts()
    {
        var calculator = new RevolutionRateCalculator(16, 1024, TimeSpan.FromSeconds(3));
        calculator.Update(10, 1024, T0);

        Assert.Null(calculator.Update(200, 2048, T0.AddSeconds(65)));
        Assert.Equal(1.0, calculator.Update(201, 3072, T0.AddSeconds(66)));
    }

    [Fact]
    public void Update_CounterReset_IsNotAnImplausibleRate()
    {
        var calculator = new RevolutionRateCalculator(16, 1024, TimeSpan.FromSeconds(3));
        calculator.Update(5000, 1024, T0);

        Assert.Null(calculator.Update(3, 2048, T0.AddSeconds(1)));
        Assert.Equal(1.0, calculator.Update(4, 3072, T0.AddSeconds(2)));
    }
}
