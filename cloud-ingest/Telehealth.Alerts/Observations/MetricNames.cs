namespace Telehealth.Alerts.Observations;

/// <summary>
/// Metric names the rules read. They are the ingest catalogue's names; a component of a multi-component metric is
/// written <c>metric.component</c> (e.g. <c>blood_pressure.systolic</c>).
/// </summary>
public static class MetricNames
{
    /// <summary>Body weight, kg.</summary>
    public const string BodyWeight = "body_weight";

    /// <summary>Resting heart rate computed by the wearable once a day, /min.</summary>
    public const string RestingHeartRate = "resting_heart_rate";

    /// <summary>Heart rate, /min.</summary>
    public const string HeartRate = "heart_rate";

    /// <summary>Oxygen saturation, %.</summary>
    public const string Spo2 = "spo2";

    /// <summary>Steps in the reading's period (the wearable reports hourly counts while worn).</summary>
    public const string Steps = "steps";

    /// <summary>Systolic blood pressure, mm[Hg].</summary>
    public const string Systolic = "blood_pressure.systolic";

    /// <summary>Diastolic blood pressure, mm[Hg].</summary>
    public const string Diastolic = "blood_pressure.diastolic";

    /// <summary>Range of motion in an exercise session, deg.</summary>
    public const string RangeOfMotion = "range_of_motion";

    /// <summary>Repetitions in an exercise session.</summary>
    public const string Repetitions = "repetitions";

    /// <summary>Duration of an exercise session, s; one reading per session done.</summary>
    public const string SessionDuration = "session_duration";

    /// <summary>Peak grip force, N.</summary>
    public const string GripForce = "grip_force";

    /// <summary>A device's liveness report (value ignored).</summary>
    public const string DeviceHeartbeat = "device_heartbeat";
}
