namespace Telehealth.Gateway.Devices.Ble.Adapter;

/// <summary>Doubling waits between reconnect attempts, capped; <see cref="Reset"/> after a good connection.</summary>
public sealed class BleBackoff(TimeSpan initial, TimeSpan max)
{
    private int _attempt;

    /// <summary>The wait before the next attempt (initial, 2×, 4×, … up to the cap).</summary>
    public TimeSpan Next()
    {
        var factor = Math.Pow(2, Math.Min(_attempt, 30));
        _attempt++;
        var delay = TimeSpan.FromTicks((long)Math.Min(initial.Ticks * factor, max.Ticks));
        return delay;
    }

    /// <summary>Starts again at the initial wait.</summary>
    public void Reset() => _attempt = 0;
}
