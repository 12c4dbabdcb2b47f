namespace Telehealth.Gateway.Core.ExternalBroker;

/// <summary>What the external-broker subscriber did since start, for <c>GET /status</c> (<c>mqttExternal</c>).</summary>
public sealed class ExternalBrokerCounters
{
    private long _connected;
    private long _connects;
    private long _reconnects;
    private long _connectFailures;
    private long _sessionsResumed;
    private long _received;
    private long _committed;
    private long _deadLettered;
    private long _notEnrolled;
    private long _commitRetries;
    private string? _lastError;

    /// <summary>True while connected and subscribed.</summary>
    public bool Connected => Interlocked.Read(ref _connected) == 1;

    /// <summary>Successful connections (the first one included).</summary>
    public long Connects => Interlocked.Read(ref _connects);

    /// <summary>Successful connections after a lost or failed one.</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>Connection attempts that failed (refused, unreachable, TLS).</summary>
    public long ConnectFailures => Interlocked.Read(ref _connectFailures);

    /// <summary>Connections on which the broker still had the gateway's session.</summary>
    public long SessionsResumed => Interlocked.Read(ref _sessionsResumed);

    /// <summary>Messages delivered by the broker (redeliveries included).</summary>
    public long MessagesReceived => Interlocked.Read(ref _received);

    /// <summary>Messages whose readings were committed to the buffer (then acknowledged).</summary>
    public long MessagesCommitted => Interlocked.Read(ref _committed);

    /// <summary>Invalid messages kept as dead letters (then acknowledged).</summary>
    public long MessagesDeadLettered => Interlocked.Read(ref _deadLettered);

    /// <summary>Messages for a device id not enrolled on this gateway: acknowledged, counted, logged, not kept.</summary>
    public long MessagesNotEnrolled => Interlocked.Read(ref _notEnrolled);

    /// <summary>Commits refused by the buffer (full or failing) and retried; the message stays unacknowledged meanwhile.</summary>
    public long CommitRetries => Interlocked.Read(ref _commitRetries);

    /// <summary>Why the last connection attempt failed or the last connection was lost (no secrets), or null.</summary>
    public string? LastError => Volatile.Read(ref _lastError);

    public void ConnectedNow(bool reconnect, bool sessionPresent)
    {
        Interlocked.Exchange(ref _connected, 1);
        Interlocked.Increment(ref _connects);
        if (reconnect)
        {
            Interlocked.Increment(ref _reconnects);
        }

        if (sessionPresent)
        {
            Interlocked.Increment(ref _sessionsResumed);
        }
    }

    public void Disconnected(string? reason)
    {
        Interlocked.Exchange(ref _connected, 0);
        if (reason is not null)
        {
            Volatile.Write(ref _lastError, reason);
        }
    }

    public void ConnectFailed(string reason)
    {
        Interlocked.Increment(ref _connectFailures);
        Volatile.Write(ref _lastError, reason);
    }

    public void Received() => Interlocked.Increment(ref _received);

    public void Committed() => Interlocked.Increment(ref _committed);

    public void DeadLettered() => Interlocked.Increment(ref _deadLettered);

    public void NotEnrolled() => Interlocked.Increment(ref _notEnrolled);

    public void CommitRetried() => Interlocked.Increment(ref _commitRetries);
}
