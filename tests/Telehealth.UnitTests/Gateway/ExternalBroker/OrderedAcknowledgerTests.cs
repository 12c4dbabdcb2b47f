using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Telehealth.Gateway.Core.ExternalBroker;
using Telehealth.Gateway.Core.Readings;

namespace Telehealth.UnitTests.Gateway.ExternalBroker;

/// <summary>The acknowledgement rule of external mode: in arrival order, each only after its commit; a refused commit holds everything back.</summary>
public sealed class OrderedAcknowledgerTests
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(1);
    private readonly FakeTimeProvider _time = new();
    private readonly ExternalBrokerCounters _counters = new();
    private readonly ConcurrentQueue<int> _acked = new();

    private OrderedAcknowledger Create() => new(Pause, _time, _counters, NullLogger.Instance, CancellationToken.None);

    private InFlightMessage Message(int id, Func<CancellationToken, ValueTask>? commit)
        => new(commit, _ => { _acked.Enqueue(id); return Task.CompletedTask; }, () => { });

    /// <summary>Waits (up to 10 s) for a background effect; not a timing assertion.</summary>
    private static async Task Eventually(Func<bool> condition, string what)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), what);
    }

    [Fact]
    public async Task LaterCommitFinishingFirst_IsAcknowledgedOnlyAfterTheEarlierOne()
    {
        var first = new TaskCompletionSource();
        var second = new TaskCompletionSource();
        await using var acknowledger = Create();

        acknowledger.Enqueue(Message(1, _ => new ValueTask(first.Task)));
        acknowledger.Enqueue(Message(2, _ => new ValueTask(second.Task)));
        second.SetResult();
        await Task.Delay(100);
        Assert.Empty(_acked);

        first.SetResult();
        await Eventually(() => _acked.Count == 2, "both acknowledged");
        Assert.Equal([1, 2], _acked);
    }

    [Fact]
    public async Task UncommittedMessage_IsNeverAcknowledged()
    {
        var never = new TaskCompletionSource();
        var acknowledger = Create();
        acknowledger.Enqueue(Message(1, _ => new ValueTask(never.Task.WaitAsync(_))));

        await Task.Delay(100);
        await acknowledger.DisposeAsync();

        Assert.Empty(_acked);
    }

    [Fact]
    public async Task BufferFull_HoldsTheAcknowledgement_RetriesAfterThePause_ThenAcknowledgesInOrder()
    {
        var refusals = 3; // the commit started on arrival, its immediate second try, and one retry after the pause
        var commits = new ConcurrentQueue<int>();
        await using var acknowledger = Create();
        acknowledger.Enqueue(Message(1, _ =>
        {
            commits.Enqueue(1);
            return Interlocked.Decrement(ref refusals) >= 0
                ? ValueTask.FromException(new BufferUnavailableException("buffer full") { QuotaExceeded = true })
                : ValueTask.CompletedTask;
        }));
        await Eventually(() => _counters.CommitRetries == 1, "first refusal counted");
        acknowledger.Enqueue(Message(2, _ => { commits.Enqueue(2); return ValueTask.CompletedTask; }));
        acknowledger.Enqueue(Message(3, null)); // nothing to keep (not enrolled): acknowledged in turn

        await Task.Delay(100);
        Assert.Empty(_acked);
        Assert.DoesNotContain(2, commits); // held back while the first is refused: order kept
        _time.Advance(Pause);
        await Eventually(() => _counters.CommitRetries == 2, "second refusal counted");
        Assert.Empty(_acked);
        _time.Advance(Pause);

        await Eventually(() => _acked.Count == 3, "all acknowledged");
        Assert.Equal([1, 2, 3], _acked);
        Assert.Equal([1, 1, 1, 1, 2], commits);
    }

    [Fact]
    public async Task RefusedOnArrival_ButAcceptedWhenTriedAgain_IsAcknowledgedWithoutAPause()
    {
        var refusals = 1;
        var first = new TaskCompletionSource();
        await using var acknowledger = Create();
        acknowledger.Enqueue(Message(0, _ => new ValueTask(first.Task)));
        acknowledger.Enqueue(Message(1, _ => Interlocked.Decrement(ref refusals) >= 0
            ? ValueTask.FromException(new BufferUnavailableException("buffer full") { QuotaExceeded = true })
            : ValueTask.CompletedTask));

        first.SetResult(); // by now the buffer has room again: the refusal on arrival is stale

        await Eventually(() => _acked.Count == 2, "both acknowledged without advancing the clock");
        Assert.Equal([0, 1], _acked);
        Assert.Equal(0, _counters.CommitRetries);
    }

    [Fact]
    public async Task AcknowledgementOnAClosedConnection_IsSwallowed_AndLaterMessagesStillProceed()
    {
        await using var acknowledger = Create();
        acknowledger.Enqueue(new InFlightMessage(_ => ValueTask.CompletedTask, _ => throw new InvalidOperationException("not connected"), () => { }));
        acknowledger.Enqueue(Message(2, _ => ValueTask.CompletedTask));

        await Eventually(() => _acked.Count == 1, "the second acknowledged");
        Assert.Equal([2], _acked);
    }
}
