using System.Device.I2c;
using Iot.Device.Imu;
using Microsoft.Extensions.Logging;
using Telehealth.Gateway.Core.Readings;
using Telehealth.Gateway.Devices.Analytics;
using Telehealth.Gateway.Devices.Sensors.Polling;

namespace Telehealth.Gateway.Devices.Sensors.Imu;

/// <summary>
/// A limb IMU on I2C through the Iot.Device.Bindings <see cref="Mpu6050"/> binding. Each sample reads the
/// accelerometer and gyroscope, estimates the shank's inclination (accelerometer tilt atan2(z, x) fused with the
/// gyroscope's Y rate by a <see cref="ComplementaryFilter"/>), turns it into the joint angle and feeds the exercise
/// session. Raw joint_angle readings go to the buffer only when
/// <see cref="EdgeAnalyticsOptions.ForwardRawJointAngles"/> is set, during a session, in batches. Before the binding
/// initialises the chip, WHO_AM_I is checked so a wrong part gives a clear error; an accelerometer reading far from
/// 1 g at rest-level magnitudes (a chip that reset and sleeps reads zeros) counts as a bus error and re-initialises.
/// </summary>
public sealed class ImuJointAngleSensor : PolledSensor
{
    private const byte WhoAmIRegister = 0x75;
    private const byte ExpectedIdentity = 0x68;
    private const double StandardGravity = 9.807;

    private readonly ImuSensorOptions _options;
    private readonly Func<ImuSensorOptions, I2cDevice> _openDevice;
    private readonly ExerciseSessionTracker _sessions;
    private readonly ComplementaryFilter _filter;
    private readonly List<DeviceReading> _raw = [];
    private Mpu6050? _imu;
    private long _lastSampleTimestamp;

    /// <param name="options">The sensor's configuration (validated here).</param>
    /// <param name="openDevice">Opens the I2C device; on a gateway <c>o => I2cDevice.Create(new I2cConnectionSettings(o.BusId, o.Address))</c>.</param>
    /// <param name="sessions">The exercise session samples feed.</param>
    /// <param name="sink">The buffer.</param>
    /// <param name="timeProvider">The clock of the schedule and the timestamps.</param>
    /// <param name="logger">Logger.</param>
    public ImuJointAngleSensor(
        ImuSensorOptions options,
        Func<ImuSensorOptions, I2cDevice> openDevice,
        ExerciseSessionTracker sessions,
        IReadingSink sink,
        TimeProvider timeProvider,
        ILogger<ImuJointAngleSensor> logger)
        : base(OptionsGuard.Validate(options, ImuSensorOptions.SectionName), sink, timeProvider, logger)
    {
        _options = options;
        _openDevice = openDevice ?? throw new ArgumentNullException(nameof(openDevice));
        _sessions = sessions ?? throw new ArgumentNullException(nameof(sessions));
        _filter = new ComplementaryFilter(options.GyroWeight, options.MaxSampleGap);
    }

    /// <summary>The last joint angle, degrees, or null before the first sample.</summary>
    public double? LastAngleDeg { get; private set; }

    /// <inheritdoc />
    protected override string Open()
    {
        var device = _openDevice(_options);
        try
        {
            device.WriteByte(WhoAmIRegister);
            var identity = device.ReadByte();
            if (identity != ExpectedIdentity)
            {
                throw new SensorIdentityException(
                    $"The device at 0x{_options.Address:X2} on I2C bus {_options.BusId} answered WHO_AM_I 0x{identity:X2}, expected 0x{ExpectedIdentity:X2} (MPU-6050){Hint(identity)}. Check the wiring and the Kind configured for device '{_options.DeviceId}'.");
            }

            _imu = new Mpu6050(device);
        }
        catch
        {
            device.Dispose();
            throw;
        }

        _filter.Reset();
        return $"MPU-6050 at 0x{_options.Address:X2} on I2C bus {_options.BusId}";
    }

    /// <inheritdoc />
    protected override async ValueTask<bool> SampleAsync(CancellationToken cancellationToken)
    {
        var imu = _imu ?? throw new InvalidOperationException("The IMU is not open.");
        var accel = imu.GetAccelerometer();
        var gyro = imu.GetGyroscopeReading();
        var timestamp = TimeProvider.GetTimestamp();
        var now = TimeProvider.GetUtcNow();

        var magnitudeG = accel.Length() / StandardGravity;
        if (magnitudeG is < 0.2 or > 4.0)
        {
            throw new SensorDataException($"The accelerometer reads {magnitudeG:F2} g; the MPU-6050 has probably reset (it sleeps after power-on).");
        }

        var sinceLast = _lastSampleTimestamp == 0 ? TimeSpan.Zero : TimeProvider.GetElapsedTime(_lastSampleTimestamp, timestamp);
        _lastSampleTimestamp = timestamp;
        var inclination = _filter.Update(ComplementaryFilter.TiltDeg(accel.X, accel.Z), gyro.Y, sinceLast);
        var joint = ((_options.InvertAngle ? -1 : 1) * inclination) + _options.MountingOffsetDeg;
        LastAngleDeg = joint;
        _sessions.RecordJointAngle(DeviceId, joint);

        if (_sessions.Options.ForwardRawJointAngles && _sessions.IsActive)
        {
            _raw.Add(CatalogReadings.Create(DeviceId, CatalogReadings.JointAngle, Math.Round(joint, 2), now, now));
            if (_raw.Count >= _sessions.Options.RawBatchSize)
            {
                await FlushRawAsync(cancellationToken);
            }
        }
        else if (_raw.Count > 0)
        {
            await FlushRawAsync(cancellationToken);
        }

        return true;
    }

    /// <inheritdoc />
    protected override void Close()
    {
        var imu = _imu;
        _imu = null;
        _lastSampleTimestamp = 0;
        imu?.Dispose();
    }

    private static string Hint(byte identity) => identity switch
    {
        0x70 => " — that is an MPU-6500",
        0x71 => " — that is an MPU-9250",
        0x73 => " — that is an MPU-9255",
        0x00 or 0xFF => " — nothing sensible answers",
        _ => string.Empty,
    };

    private async ValueTask FlushRawAsync(CancellationToken cancellationToken)
    {
        DeviceReading[] batch = [.. _raw];
        _raw.Clear();
        await TryAppendAsync(batch, cancellationToken);
    }
}
