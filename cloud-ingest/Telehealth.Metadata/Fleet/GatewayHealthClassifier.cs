using System.Globalization;
using Microsoft.Extensions.Options;

namespace Telehealth.Metadata.Fleet;

/// <summary>
/// Judges a gateway from its row and latest heartbeat, by the clock of <see cref="TimeProvider"/>: <c>revoked</c> wins,
/// then <c>never_seen</c> (no heartbeat), <c>silent</c> (last heartbeat older than <c>SilentAfterSeconds</c>), else
/// <c>ok</c>. Warnings come from the latest heartbeat whatever the state. Pure apart from the clock.
/// </summary>
public sealed class GatewayHealthClassifier(TimeProvider time, IOptions<FleetOptions> options)
{
    public GatewayHealth Classify(GatewayRecord gateway, ReceivedHeartbeat? latest)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        var fleet = options.Value;
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        long? ageSeconds = latest is null ? null : Math.Max(0, nowMs - latest.ReceivedAtMs) / 1000;
        var state = gateway.RevokedAtMs is not null ? GatewayState.Revoked
            : latest is null ? GatewayState.NeverSeen
            : nowMs - latest.ReceivedAtMs > fleet.SilentAfterSeconds * 1000L ? GatewayState.Silent
            : GatewayState.Ok;
        return new GatewayHealth(gateway.Id, gateway.PatientId, state, latest is null ? [] : Warnings(latest, fleet),
            gateway.CreatedAtMs, gateway.EnrolledAtMs, gateway.RevokedAtMs, ageSeconds, latest);
    }

    private static List<string> Warnings(ReceivedHeartbeat latest, FleetOptions fleet)
    {
        var heartbeat = latest.Heartbeat;
        var warnings = new List<string>();
        if (heartbeat.BufferFull)
        {
            warnings.Add(GatewayWarning.BufferFull);
        }
        else if (heartbeat.BufferedBytes > fleet.BufferBudgetBytes * fleet.BufferWarningShare)
        {
            warnings.Add(GatewayWarning.BufferHigh);
        }

        if (heartbeat.DeadLetters > 0)
        {
            warnings.Add(GatewayWarning.DeadLetters);
        }

        if (heartbeat.ClockOffsetMs is { } offset && Math.Abs(offset) > fleet.MaxClockOffsetSeconds * 1000L)
        {
            warnings.Add(GatewayWarning.ClockOffset);
        }

        if (fleet.MinimumVersion.Length > 0 && IsOlder(heartbeat.Version, fleet.MinimumVersion))
        {
            warnings.Add(GatewayWarning.OldVersion);
        }

        return warnings;
    }

    /// <summary>True when <paramref name="reported"/> (e.g. <c>1.2.0+abc</c> or <c>1.2.0-beta</c>) is below the minimum or unreadable.</summary>
    private static bool IsOlder(string reported, string minimum)
    {
        var version = Normalize(reported.Split('+', '-')[0]);
        return version is null || version < Normalize(minimum);
    }

    /// <summary>Up to four numeric parts, missing ones as 0 (so 1.2 equals 1.2.0); null when unreadable.</summary>
    private static Version? Normalize(string text)
    {
        var parts = text.Split('.');
        var numbers = new int[4];
        if (parts.Length > 4)
        {
            return null;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return null;
            }
        }

        return new Version(numbers[0], numbers[1], numbers[2], numbers[3]);
    }
}
