using Microsoft.Extensions.Options;

namespace Telehealth.Ingest.Alerting;

/// <summary>
/// Debounces evaluations per patient. A stored batch marks its patient dirty; the patient becomes due once no batch
/// came for <c>DebounceMilliseconds</c>, or <c>MaxDelayMilliseconds</c> after it first became dirty, whichever is
/// first. A patient marked again while being evaluated is simply dirty again. Memory only: a lost mark costs at most
/// a delay until the next batch or scheduled pass (the data is in InfluxDB, the alert state in the database).
/// </summary>
public sealed class AlertEvaluationScheduler(TimeProvider time, IOptions<AlertingOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _dirty = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private TimeSpan Debounce => TimeSpan.FromMilliseconds(options.Value.DebounceMilliseconds);

    private TimeSpan MaxDelay => TimeSpan.FromMilliseconds(Math.Max(options.Value.MaxDelayMilliseconds, options.Value.DebounceMilliseconds));

    /// <summary>Patients waiting for an evaluation.</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _dirty.Count;
            }
        }
    }

    /// <summary>New data for the patient was stored (<paramref name="storedReadings"/> 0, or alerting off, changes nothing).</summary>
    public void MarkDirty(string patientId, int storedReadings)
    {
        if (storedReadings <= 0 || !options.Value.Enabled)
        {
            return; // nothing new, or alerting is off (nobody would take the mark)
        }

        var now = time.GetUtcNow();
        lock (_gate)
        {
            _dirty[patientId] = _dirty.TryGetValue(patientId, out var entry) ? entry with { Last = now } : new Entry(now, now, now);
        }

        Signal();
    }

    /// <summary>The patient's evaluation failed: evaluate it again after <c>RetryMilliseconds</c>.</summary>
    public void Retry(string patientId)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var notBefore = now + TimeSpan.FromMilliseconds(options.Value.RetryMilliseconds);
            _dirty[patientId] = _dirty.TryGetValue(patientId, out var entry) ? entry with { NotBefore = notBefore } : new Entry(now, now, notBefore);
        }

        Signal();
    }

    /// <summary>Removes and returns the patients due now.</summary>
    public IReadOnlyList<string> TakeDue()
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var due = _dirty.Where(kv => DueAt(kv.Value) <= now).Select(kv => kv.Key).ToList();
            foreach (var patientId in due)
            {
                _dirty.Remove(patientId);
            }

            return due;
        }
    }

    /// <summary>How long until the next patient is due; null when none is waiting.</summary>
    public TimeSpan? NextDueIn()
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_dirty.Count == 0)
            {
                return null;
            }

            var next = _dirty.Values.Min(DueAt) - now;
            return next < TimeSpan.Zero ? TimeSpan.Zero : next;
        }
    }

    /// <summary>Completes when a patient is marked after this call (the loop waits on it between rounds).</summary>
    public Task WhenChangedAsync()
    {
        lock (_gate)
        {
            if (_changed.Task.IsCompleted)
            {
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            return _changed.Task;
        }
    }

    private DateTimeOffset DueAt(Entry entry)
    {
        var debounced = entry.Last + Debounce;
        var capped = entry.First + MaxDelay;
        var due = debounced < capped ? debounced : capped;
        return due > entry.NotBefore ? due : entry.NotBefore;
    }

    private void Signal()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            changed = _changed;
        }

        changed.TrySetResult();
    }

    private readonly record struct Entry(DateTimeOffset First, DateTimeOffset Last, DateTimeOffset NotBefore);
}
