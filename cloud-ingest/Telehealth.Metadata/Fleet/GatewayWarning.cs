namespace Telehealth.Metadata.Fleet;

/// <summary>Warnings the fleet view raises from a gateway's latest heartbeat.</summary>
public static class GatewayWarning
{
    /// <summary>The buffer holds more than <see cref="FleetOptions.BufferWarningShare"/> of its budget.</summary>
    public const string BufferHigh = "buffer_high";

    /// <summary>The buffer is full and refuses readings.</summary>
    public const string BufferFull = "buffer_full";

    /// <summary>The gateway keeps dead letters (readings it could not deliver).</summary>
    public const string DeadLetters = "dead_letters";

    /// <summary>The gateway's clock is off by more than <see cref="FleetOptions.MaxClockOffsetSeconds"/>.</summary>
    public const string ClockOffset = "clock_offset";

    /// <summary>The gateway runs a version older than <see cref="FleetOptions.MinimumVersion"/> (or an unreadable one).</summary>
    public const string OldVersion = "old_version";
}
