using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Telehealth.Ingest.Alerting;

namespace Telehealth.UnitTests.Alerting;

/// <summary>Per-patient debounce of evaluations on a fake clock.</summary>
public sealed class AlertEvaluationSchedulerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));

    private AlertEvaluationScheduler Scheduler(int debounce = 500, int maxDelay = 2000, int retry = 5000)
        => new(_time, Options.Create(new AlertingOptions { DebounceMilliseconds = debounce, MaxDelayMilliseconds = maxDelay, RetryMilliseconds = retry }));

    [Fact]
    public void MarkedPatient_IsNotDueBeforeTheDebounce_AndDueOnceAfterIt()
    {
        var scheduler = Scheduler();
        scheduler.MarkDirty("p-1", 3);

        _time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.Empty(scheduler.TakeDue());
        Assert.Equal(TimeSpan.FromMilliseconds(1), scheduler.NextDueIn());

        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(["p-1"], scheduler.TakeDue());
        Assert.Empty(scheduler.TakeDue());
        Assert.Null(scheduler.NextDueIn());
    }

    [Fact]
    public void BatchesInsideTheDebounce_PushTheEvaluationBack()
    {
        var scheduler = Scheduler();
        scheduler.MarkDirty("p-1", 1);
        _time.Advance(TimeSpan.FromMilliseconds(400));
        scheduler.MarkDirty("p-1", 1);
        _time.Advance(TimeSpan.FromMilliseconds(400));

        Assert.Empty(scheduler.TakeDue());
        _time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal(["p-1"], scheduler.TakeDue());
    }

    [Fact]
    public void ContinuousBatches_AreEvaluatedNoLaterThanTheMaxDelay()
    {
        var scheduler = Scheduler(debounce: 500, maxDelay: 2000);
        scheduler.MarkDirty("p-1", 1);
        for (var i = 0; i < 19; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            scheduler.MarkDirty("p-1", 1);
            Assert.Empty(scheduler.TakeDue());
        }

        _time.Advance(TimeSpan.FromMilliseconds(100)); // 2000 ms after the first batch
        Assert.Equal(["p-1"], scheduler.TakeDue());
    }

    [Fact]
    public void PatientsAreDebouncedIndependently()
    {
        var scheduler = Scheduler();
        scheduler.MarkDirty("p-1", 1);
        _time.Advance(TimeSpan.FromMilliseconds(300));
        scheduler.MarkDirty("p-2", 1);
        _time.Advance(TimeSpan.FromMilliseconds(200));

        Assert.Equal(["p-1"], scheduler.TakeDue());
        Assert.Equal(1, scheduler.PendingCount);
        _time.Advance(TimeSpan.FromMilliseconds(300));
        Assert.Equal(["p-2"], scheduler.TakeDue());
    }

    [Fact]
    public void ABatchWithNothingStored_MarksNothing()
    {
        var scheduler = Scheduler();
        scheduler.MarkDirty("p-1", 0);

        Assert.Equal(0, scheduler.PendingCount);
        Assert.Null(scheduler.NextDueIn());
    }

    [Fact]
    public void WithAlertingOff_NothingIsMarked()
    {
        var scheduler = new AlertEvaluationScheduler(_time, Options.Create(new AlertingOptions { Enabled = false }));
        scheduler.MarkDirty("p-1", 5);

        Assert.Equal(0, scheduler.PendingCount);
    }

    [Fact]
    public void FailedEvaluation_IsRetriedAfterTheRetryDelay_NotAtOnce()
    {
        var scheduler = Scheduler(retry: 5000);
        scheduler.Retry("p-1");

        _time.Advance(TimeSpan.FromMilliseconds(4999));
        Assert.Empty(scheduler.TakeDue());
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(["p-1"], scheduler.TakeDue());
    }

    [Fact]
    public void ZeroDebounce_MakesAPatientDueAtOnce()
    {
        var scheduler = Scheduler(debounce: 0, maxDelay: 0);
        scheduler.MarkDirty("p-1", 1);

        Assert.Equal(["p-1"], scheduler.TakeDue());
    }

    [Fact]
    public void WhenChanged_CompletesOnTheNextMark_AndNotBefore()
    {
        var scheduler = Scheduler();
        var changed = scheduler.WhenChangedAsync();
        Assert.False(changed.IsCompleted);

        scheduler.MarkDirty("p-1", 1);

        Assert.True(changed.IsCompleted);
        Assert.False(scheduler.WhenChangedAsync().IsCompleted);
    }
}
