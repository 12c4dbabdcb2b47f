namespace Telehealth.Gateway.Core.ExternalBroker;

/// <summary>The external-broker part of <c>GET /status</c> (<c>mqttExternal</c>; null in Embedded mode).</summary>
public sealed record ExternalBrokerStatus(
    bool Connected,
    long Connects,
    long Reconnects,
    long ConnectFailures,
    long SessionsResumed,
    long MessagesReceived,
    long MessagesCommitted,
    long MessagesDeadLettered,
    long MessagesNotEnrolled,
    long CommitRetries,
    string? LastError)
{
    /// <summary>A snapshot of the counters.</summary>
    public static ExternalBrokerStatus From(ExternalBrokerCounters counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        return new(counters.Connected, counters.Connects, counters.Reconnects, counters.ConnectFailures, counters.SessionsResumed,
            counters.MessagesReceived, counters.MessagesCommitted, counters.MessagesDeadLettered, counters.MessagesNotEnrolled,
            counters.CommitRetries, counters.LastError);
    }
}
