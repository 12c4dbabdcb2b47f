namespace Telehealth.Gateway.Core.ExternalBroker;

/// <summary>
/// Delays between connection attempts: exponential from the initial delay up to the maximum, with "equal jitter"
/// (half the step fixed, half random) so that many gateways a broker restart threw off do not all return at once.
/// </summary>
public sealed class ReconnectBackoff(TimeSpan initial, TimeSpan maximum, Func<double> random)
{
    private int _failures;

    /// <summary>Failed attempts since the last success.</summary>
    public int Failures => _failures;

    /// <summary>The delay before the next attempt, counting this failure.</summary>
    public TimeSpan NextDelay()
    {
        var exponent = Math.Min(_failures, 30);
        _failures++;
        var step = Math.Min(maximum.TotalMilliseconds, initial.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds((step / 2) + (step / 2 * Math.Clamp(random(), 0, 1)));
    }

    /// <summary>A connection succeeded: the next failure starts from the initial delay again.</summary>
    public void Reset() => _failures = 0;
}
