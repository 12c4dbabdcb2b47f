using Telehealth.Ingest.Contracts.Heartbeats;

namespace Telehealth.Ingest.Heartbeats;

/// <summary>Checks a heartbeat's fields before it is stored; returns the reason it is refused, or null.</summary>
public static class HeartbeatValidator
{
    /// <summary>At most this many device ids per heartbeat (a gateway serves one patient's handful of devices).</summary>
    public const int MaxDevicesSeen = 256;

    public static string? Validate(GatewayHeartbeat heartbeat)
    {
        ArgumentNullException.ThrowIfNull(heartbeat);
        if (heartbeat.Version is not { Length: > 0 and <= 64 } || heartbeat.Version.Any(char.IsControl))
        {
            return "version must be 1-64 printable characters";
        }

        if (heartbeat.SentAtMs <= 0)
        {
            return "sentAtMs must be a positive Unix time in ms";
        }

        if (heartbeat.BufferedReadings < 0 || heartbeat.BufferedBytes < 0 || heartbeat.DeadLetters < 0)
        {
            return "bufferedReadings, bufferedBytes and deadLetters must not be negative";
        }

        if (heartbeat.OldestBufferedReceivedMs is <= 0)
        {
            return "oldestBufferedReceivedMs must be a positive Unix time in ms or null";
        }

        var devices = heartbeat.DevicesSeen ?? [];
        if (devices.Count > MaxDevicesSeen)
        {
            return $"devicesSeen has more than {MaxDevicesSeen} entries";
        }

        if (devices.Any(d => d is not { Length: > 0 and <= 64 } || d.Any(char.IsControl)))
        {
            return "every devicesSeen entry must be 1-64 printable characters";
        }

        return null;
    }
}
