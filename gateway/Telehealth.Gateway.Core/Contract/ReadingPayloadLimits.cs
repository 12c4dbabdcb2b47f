namespace Telehealth.Gateway.Core.Contract;

/// <summary>Size limits of one MQTT reading message (documented in docs/mqtt-contract.md).</summary>
public static class ReadingPayloadLimits
{
    /// <summary>Largest accepted payload in bytes.</summary>
    public const int MaxPayloadBytes = 256 * 1024;

    /// <summary>Most samples in one message.</summary>
    public const int MaxSamples = 1000;

    /// <summary>Deepest JSON nesting accepted.</summary>
    public const int MaxDepth = 4;

    /// <summary>Earliest plausible device time: 2000-01-01T00:00:00Z.</summary>
    public const long MinDeviceTimeMs = 946_684_800_000;

    /// <summary>How far ahead of the gateway's clock a device timestamp may be.</summary>
    public static readonly TimeSpan MaxClockAhead = TimeSpan.FromMinutes(10);
}
