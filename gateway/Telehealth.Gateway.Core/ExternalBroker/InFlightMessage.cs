namespace Telehealth.Gateway.Core.ExternalBroker;

/// <summary>
/// One message the broker delivered and the gateway has not yet acknowledged.
/// </summary>
/// <param name="Commit">Stores what the message carries (readings or a dead letter); null when nothing is kept.</param>
/// <param name="Acknowledge">Sends the PUBACK on the connection that delivered the message.</param>
/// <param name="Committed">Called once after the commit, before the acknowledgement (counters).</param>
public sealed record InFlightMessage(
    Func<CancellationToken, ValueTask>? Commit,
    Func<CancellationToken, Task> Acknowledge,
    Action Committed);
