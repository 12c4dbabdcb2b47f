namespace Telehealth.Simulators.Bench.Buffer;

/// <summary>
/// Publish → queryable latency of live readings, as in <c>bench-e2e</c>: the gateway forwards in buffer-offset order
/// (= acknowledgement order), so the k-th acknowledged live reading is queryable once the live measurement's point
/// count reaches k. Live readings use their own measurement and devices, so the backlog never counts as live.
/// </summary>
public sealed class LiveLatencyTracker(InfluxCounter counter, TimeProvider time)
{
    private readonly List<long> _published = [];
    private readonly List<double> _latenciesMs = [];
    private readonly Lock _lock = new();

    public long Acknowledged
    {
        get
        {
            lock (_lock)
            {
                return _published.Count;
            }
        }
    }

    public long Visible
    {
        get
        {
            lock (_lock)
            {
                return _latenciesMs.Count;
            }
        }
    }

    /// <summary>The publish load's acknowledgement callback.</summary>
    public void OnAcknowledged(int samples, long firstPublished)
    {
        lock (_lock)
        {
            for (var i = 0; i < samples; i++)
            {
                _published.Add(firstPublished);
            }
        }
    }

    /// <summary>Polls InfluxDB every few milliseconds until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await PollOnceAsync(cancellationToken);
                await Task.Delay(TimeSpan.FromMilliseconds(20), time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopped
        }
    }

    public async Task PollOnceAsync(CancellationToken cancellationToken)
    {
        var count = await counter.CountAsync(cancellationToken);
        var now = time.GetTimestamp();
        lock (_lock)
        {
            for (var k = _latenciesMs.Count; k < Math.Min(count, _published.Count); k++)
            {
                _latenciesMs.Add(time.GetElapsedTime(_published[k], now).TotalMilliseconds);
            }
        }
    }

    public double[] SortedLatenciesMs()
    {
        lock (_lock)
        {
            var sorted = _latenciesMs.ToArray();
            Array.Sort(sorted);
            return sorted;
        }
    }
}
