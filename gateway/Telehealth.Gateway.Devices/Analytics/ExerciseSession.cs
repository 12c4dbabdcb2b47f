using Telehealth.Gateway.Core.Readings;

namespace Telehealth.Gateway.Devices.Analytics;

/// <summary>
/// One exercise session's analytics, pure and single-threaded: samples go in with their timestamps, features come out
/// at <see cref="Finish"/> as readings. Every feature reading carries the session's start as its device time, so one
/// session maps to one point per device and metric however often it is replayed.
/// </summary>
public sealed class ExerciseSession
{
    private readonly EdgeAnalyticsOptions _options;
    private readonly Dictionary<string, JointMotionFeatures> _joints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GripFeatures> _grips = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SwayPath> _sways = new(StringComparer.Ordinal);

    public ExerciseSession(DateTimeOffset startedAt, EdgeAnalyticsOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        StartedAt = startedAt;
        LastActivityAt = startedAt;
    }

    /// <summary>When the session started.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>The last repetition or grip above the activity threshold (or the start).</summary>
    public DateTimeOffset LastActivityAt { get; private set; }

    /// <summary>Joint-angle features per device.</summary>
    public IReadOnlyDictionary<string, JointMotionFeatures> Joints => _joints;

    /// <summary>Grip features per device.</summary>
    public IReadOnlyDictionary<string, GripFeatures> Grips => _grips;

    /// <summary>Sway per device.</summary>
    public IReadOnlyDictionary<string, SwayPath> Sways => _sways;

    /// <summary>Adds a joint-angle sample (degrees); returns true when it completed a repetition (activity).</summary>
    public bool AddJointAngle(string deviceId, DateTimeOffset at, double angleDeg)
    {
        if (!_joints.TryGetValue(deviceId, out var features))
        {
            features = new JointMotionFeatures(_options.RepetitionHysteresisDeg);
            _joints[deviceId] = features;
        }

        if (!features.Add(at, angleDeg))
        {
            return false;
        }

        LastActivityAt = at;
        return true;
    }

    /// <summary>Adds a grip-force sample (newtons); returns true when it is above the activity threshold.</summary>
    public bool AddGripForce(string deviceId, DateTimeOffset at, double newtons)
    {
        if (!_grips.TryGetValue(deviceId, out var features))
        {
            features = new GripFeatures();
            _grips[deviceId] = features;
        }

        features.Add(newtons);
        if (newtons < _options.GripActivityNewtons)
        {
            return false;
        }

        LastActivityAt = at;
        return true;
    }

    /// <summary>Adds a centre-of-pressure sample (mm), or, with null, notes that nobody stands on the board.</summary>
    public void AddCentreOfPressure(string deviceId, (double X, double Y)? centreMm)
    {
        if (!_sways.TryGetValue(deviceId, out var sway))
        {
            sway = new SwayPath();
            _sways[deviceId] = sway;
        }

        if (centreMm is { } c)
        {
            sway.Add(c.X, c.Y);
        }
        else
        {
            sway.Break();
        }
    }

    /// <summary>The session's features as readings: session_duration under the session device; repetitions,
    /// range_of_motion and cadence per joint sensor; grip_force (peak) per grip; sway (path length) per board.</summary>
    public IReadOnlyList<DeviceReading> Finish(DateTimeOffset endedAt, DateTimeOffset receivedAt)
    {
        var duration = endedAt > StartedAt ? endedAt - StartedAt : TimeSpan.Zero;
        var readings = new List<DeviceReading>
        {
            CatalogReadings.Create(_options.SessionDeviceId, CatalogReadings.SessionDuration, Math.Round(duration.TotalSeconds, 3), StartedAt, receivedAt),
        };

        foreach (var (deviceId, joint) in _joints.OrderBy(j => j.Key, StringComparer.Ordinal))
        {
            if (joint.Samples == 0)
            {
                continue;
            }

            readings.Add(CatalogReadings.Create(deviceId, CatalogReadings.Repetitions, joint.Repetitions, StartedAt, receivedAt));
            readings.Add(CatalogReadings.Create(deviceId, CatalogReadings.RangeOfMotion, Math.Round(joint.RangeOfMotionDeg, 2), StartedAt, receivedAt));
            readings.Add(CatalogReadings.Create(deviceId, CatalogReadings.Cadence, Math.Round(joint.CadencePerMin(duration), 2), StartedAt, receivedAt));
        }

        foreach (var (deviceId, grip) in _grips.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (grip.Samples > 0)
            {
                readings.Add(CatalogReadings.Create(deviceId, CatalogReadings.GripForce, Math.Round(grip.PeakNewtons, 2), StartedAt, receivedAt));
            }
        }

        foreach (var (deviceId, sway) in _sways.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (sway.Samples > 0)
            {
                readings.Add(CatalogReadings.Create(deviceId, CatalogReadings.Sway, Math.Round(sway.PathMm, 1), StartedAt, receivedAt));
            }
        }

        return readings;
    }
}
