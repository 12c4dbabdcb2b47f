namespace Telehealth.Gateway.Devices.Gatt.Cadence;

/// <summary>
/// Turns successive (cumulative revolutions, last event time) pairs into revolutions per second. Both counters wrap:
/// the revolution counter at 2^<c>counterBits</c>, the 16-bit event time at 65536 ticks. A gap between values longer
/// than one event-time wrap, a revolution count that moves without the event time, or an implausible rate (a reset
/// counter) restarts from the new value. No new event for <c>stopAfter</c> of receive time means the wheel or crank
/// stopped: the rate is 0.
/// </summary>
public sealed class RevolutionRateCalculator
{
    /// <summary>Rates above this are a counter reset, not a measurement.</summary>
    public const double MaxRevolutionsPerSecond = 50;

    private readonly uint _counterMask;
    private readonly double _ticksPerSecond;
    private readonly TimeSpan _stopAfter;
    private bool _hasBaseline;
    private uint _lastCount;
    private ushort _lastEventTime;
    private DateTimeOffset _lastReceivedAt;
    private DateTimeOffset _lastEventReceivedAt;

    /// <param name="counterBits">Width of the revolution counter (16 or 32).</param>
    /// <param name="ticksPerSecond">Event time resolution: 1024 (CSC, CP crank) or 2048 (CP wheel).</param>
    /// <param name="stopAfter">Receive time without a new event after which the rate is 0.</param>
    public RevolutionRateCalculator(int counterBits, double ticksPerSecond, TimeSpan stopAfter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(counterBits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(counterBits, 32);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ticksPerSecond);
        _counterMask = counterBits == 32 ? uint.MaxValue : (1u << counterBits) - 1;
        _ticksPerSecond = ticksPerSecond;
        _stopAfter = stopAfter;
    }

    /// <summary>How long the 16-bit event time takes to wrap.</summary>
    public TimeSpan EventTimeWrap => TimeSpan.FromSeconds(65536 / _ticksPerSecond);

    /// <summary>Revolutions per second since the previous value; null when it cannot be known yet.</summary>
    public double? Update(uint cumulativeRevolutions, ushort lastEventTime, DateTimeOffset receivedAt)
    {
        if (!_hasBaseline || receivedAt - _lastReceivedAt >= EventTimeWrap || receivedAt < _lastReceivedAt)
        {
            return Restart(cumulativeRevolutions, lastEventTime, receivedAt);
        }

        var revolutions = (cumulativeRevolutions - _lastCount) & _counterMask;
        var ticks = (ushort)(lastEventTime - _lastEventTime);
        _lastReceivedAt = receivedAt;
        if (ticks == 0)
        {
            if (revolutions != 0)
            {
                return Restart(cumulativeRevolutions, lastEventTime, receivedAt);
            }

            return receivedAt - _lastEventReceivedAt >= _stopAfter ? 0 : null;
        }

        var rate = revolutions / (ticks / _ticksPerSecond);
        if (rate > MaxRevolutionsPerSecond)
        {
            return Restart(cumulativeRevolutions, lastEventTime, receivedAt);
        }

        _lastCount = cumulativeRevolutions;
        _lastEventTime = lastEventTime;
        _lastEventReceivedAt = receivedAt;
        return rate;
    }

    private double? Restart(uint cumulativeRevolutions, ushort lastEventTime, DateTimeOffset receivedAt)
    {
        _hasBaseline = true;
        _lastCount = cumulativeRevolutions & _counterMask;
        _lastEventTime = lastEventTime;
        _lastReceivedAt = receivedAt;
        _lastEventReceivedAt = receivedAt;
        return null;
    }
}
