using System.ComponentModel.DataAnnotations;

namespace Telehealth.Metadata.Fleet;

/// <summary>
/// How the fleet view judges gateways and how much heartbeat history it keeps (section <c>Fleet</c>, validated at
/// start). Defaults suit the gateway's default heartbeat every 60 s and its default 512 MiB buffer.
/// </summary>
public sealed class FleetOptions
{
    public const string SectionName = "Fleet";

    /// <summary>A gateway whose last heartbeat is older than this is <c>silent</c> (default 180 s = 3 heartbeat intervals).</summary>
    [Range(1, 30 * 24 * 3600)]
    public int SilentAfterSeconds { get; set; } = 180;

    /// <summary>A reported clock offset beyond ± this is a <c>clock_offset</c> warning (default 30 s).</summary>
    [Range(1, 24 * 3600)]
    public int MaxClockOffsetSeconds { get; set; } = 30;

    /// <summary>The gateways' buffer budget (their <c>Buffer:MaxBytes</c>; default 512 MiB). The heartbeat does not carry it.</summary>
    [Range(1, long.MaxValue)]
    public long BufferBudgetBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>A buffer holding more than this share of the budget is a <c>buffer_high</c> warning (default 0.8).</summary>
    [Range(0.01, 1.0)]
    public double BufferWarningShare { get; set; } = 0.8;

    /// <summary>Gateways reporting an older (or unreadable) version get an <c>old_version</c> warning; empty (default) = no check.</summary>
    [RegularExpression(@"^$|^\d+(\.\d+){0,3}$", ErrorMessage = "Fleet:MinimumVersion must be empty or like 1.4.0")]
    public string MinimumVersion { get; set; } = "";

    /// <summary>Heartbeat history older than this many days is pruned (default 14).</summary>
    [Range(1, 3650)]
    public int HistoryDays { get; set; } = 14;

    /// <summary>At most one history row per gateway per this many seconds (default 300); the latest is always kept.</summary>
    [Range(0, 24 * 3600)]
    public int HistoryIntervalSeconds { get; set; } = 300;

    /// <summary>How many history rows the detail view returns, newest first (default 288 = one day at 5 min).</summary>
    [Range(1, 10_000)]
    public int HistoryLimit { get; set; } = 288;
}
