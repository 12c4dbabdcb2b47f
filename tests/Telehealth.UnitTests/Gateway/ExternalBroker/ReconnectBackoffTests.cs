using Telehealth.Gateway.Core.ExternalBroker;

namespace Telehealth.UnitTests.Gateway.ExternalBroker;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void Delays_DoubleFromTheInitialDelay_UpToTheMaximum_WithHalfOfEachStepRandom()
    {
        var lowest = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), () => 0);
        var highest = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), () => 1);

        double[] low = [.. Enumerable.Range(0, 6).Select(_ => lowest.NextDelay().TotalSeconds)];
        double[] high = [.. Enumerable.Range(0, 6).Select(_ => highest.NextDelay().TotalSeconds)];

        Assert.Equal([0.5, 1, 2, 4, 5, 5], low);
        Assert.Equal([1, 2, 4, 8, 10, 10], high);
        Assert.Equal(6, lowest.Failures);
    }

    [Fact]
    public void Reset_AfterASuccess_StartsFromTheInitialDelayAgain()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), () => 1);
        backoff.NextDelay();
        backoff.NextDelay();
        backoff.NextDelay();

        backoff.Reset();

        Assert.Equal(TimeSpan.FromSeconds(1), backoff.NextDelay());
    }

    [Fact]
    public void ManyFailures_NeverOverflow_AndStayAtTheMaximum()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(30), () => 1);

        var last = TimeSpan.Zero;
        for (var i = 0; i < 10_000; i++)
        {
            last = backoff.NextDelay();
        }

        Assert.Equal(TimeSpan.FromSeconds(30), last);
    }
}
