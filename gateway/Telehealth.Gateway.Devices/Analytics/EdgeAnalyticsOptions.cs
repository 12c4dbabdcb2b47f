using System.ComponentModel.DataAnnotations;

namespace Telehealth.Gateway.Devices.Analytics;

/// <summary>How the gateway turns high-rate motion and load data into per-session clinical features.</summary>
public sealed class EdgeAnalyticsOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "EdgeAnalytics";

    /// <summary>Device id the session-level feature (session_duration) is reported under: the session button's id.</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^[A-Za-z0-9._:-]{1,64}$")]
    public string SessionDeviceId { get; set; } = "session-button";

    /// <summary>
    /// Hysteresis of the repetition detector, degrees: a repetition is a rise of at least this much from a valley to
    /// a peak followed by a fall of at least this much. Movements smaller than this are not counted. Default 15°.
    /// </summary>
    [Range(1.0, 90.0)]
    public double RepetitionHysteresisDeg { get; set; } = 15;

    /// <summary>A session running this long ends by itself. Default 30 min.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "12:00:00")]
    public TimeSpan MaxSessionDuration { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A session with no repetition and no grip above <see cref="GripActivityNewtons"/> for this long ends by itself. Default 5 min.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "12:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Grip force that counts as activity for <see cref="IdleTimeout"/>. Default 20 N.</summary>
    [Range(0.0, 1500.0)]
    public double GripActivityNewtons { get; set; } = 20;

    /// <summary>Total load on a balance board below which nobody stands on it and no centre of pressure is computed. Default 100 N.</summary>
    [Range(1.0, 5000.0)]
    public double BalanceMinLoadNewtons { get; set; } = 100;

    /// <summary>
    /// Forward every raw joint_angle sample during a session to the buffer (and the cloud). Default false: raw motion
    /// stays on the gateway and only the features leave it.
    /// </summary>
    public bool ForwardRawJointAngles { get; set; }

    /// <summary>Raw joint angles are appended in batches of this many samples (one commit each). Default 50.</summary>
    [Range(1, 10_000)]
    public int RawBatchSize { get; set; } = 50;
}
