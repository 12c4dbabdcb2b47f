using Telehealth.Gateway.Devices.Ble.Adapter;

namespace Telehealth.IntegrationTests.Ble;

/// <summary>The reconnect waits (pure; here next to the adapter's other tests).</summary>
public sealed class BleBackoffTests
{
    [Fact]
    public void Next_RepeatedFailures_DoublesUpToTheCap()
    {
        var backoff = new BleBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));

        var waits = Enumerable.Range(0, 7).Select(_ => backoff.Next().TotalSeconds).ToList();

        Assert.Equal([1, 2, 4, 8, 10, 10, 10], waits);
    }

    [Fact]
    public void Next_ManyFailures_NeverOverflowsPastTheCap()
    {
        var backoff = new BleBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));

        var last = TimeSpan.Zero;
        for (var i = 0; i < 200; i++)
        {
            last = backoff.Next();
        }

        Assert.Equal(TimeSpan.FromMinutes(1), last);
    }

    [Fact]
    public void Reset_AfterFailures_StartsAgainAtTheInitialWait()
    {
        var backoff = new BleBackoff(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(10));
        backoff.Next();
        backoff.Next();

        backoff.Reset();

        Assert.Equal(TimeSpan.FromMilliseconds(500), backoff.Next());
    }
}
