namespace Telehealth.Metadata.Fleet;

/// <summary>The states of a gateway in the fleet view (the values of <c>?state=</c>).</summary>
public static class GatewayState
{
    /// <summary>Heartbeats arrive on time.</summary>
    public const string Ok = "ok";

    /// <summary>The last heartbeat is older than <see cref="FleetOptions.SilentAfterSeconds"/>.</summary>
    public const string Silent = "silent";

    /// <summary>No heartbeat ever arrived.</summary>
    public const string NeverSeen = "never_seen";

    /// <summary>The gateway was revoked (whatever its heartbeats say).</summary>
    public const string Revoked = "revoked";

    /// <summary>Every state, for validating a filter.</summary>
    public static IReadOnlyList<string> All { get; } = [Ok, Silent, NeverSeen, Revoked];
}
