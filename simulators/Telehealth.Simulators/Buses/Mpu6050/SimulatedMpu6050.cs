using System.Buffers.Binary;
using System.Device.I2c;
using Telehealth.Simulators.Buses.I2c;

namespace Telehealth.Simulators.Buses.Mpu6050;

/// <summary>
/// An MPU-6050 on a simulated I2C bus, strapped to a limb segment whose inclination follows an
/// <see cref="IMotionScript"/>. Mounting: sensor X along the segment (pointing up, towards the joint), Z pointing
/// forward, flexion is a rotation about Y. At inclination θ the accelerometer reads (cos θ, 0, sin θ) g and the
/// gyroscope Y axis reads +dθ/dt. The movement adds its own acceleration, as on a real shank: centripetal r·ω² along +X
/// (towards the joint) and tangential r·α along Z, with r = <see cref="SensorRadiusMetres"/> from the joint. Values are big-endian two's complement, scaled by the full-scale selections in
/// ACCEL_CONFIG / GYRO_CONFIG (bits 4:3), as in the register map. After power-on (and DEVICE_RESET) the chip sleeps
/// and its data registers are not updated until SLEEP is cleared.
/// </summary>
public sealed class SimulatedMpu6050 : SimulatedI2cDevice
{
    private const double StandardGravity = 9.80665;
    private readonly TimeProvider _timeProvider;
    private readonly byte _identity;
    private IMotionScript? _script;
    private long _scriptStart;
    private Random _noise = new(0);

    /// <param name="timeProvider">Clock the motion script runs on.</param>
    /// <param name="busId">I2C bus number.</param>
    /// <param name="address">7-bit address (0x68 with AD0 low, 0x69 with AD0 high).</param>
    /// <param name="identity">WHO_AM_I value: 0x68 for a genuine MPU-6050; set another to simulate a wrong part.</param>
    public SimulatedMpu6050(TimeProvider timeProvider, int busId = 1, int address = Mpu6050Registers.Mpu6050Identity, byte identity = Mpu6050Registers.Mpu6050Identity)
        : base(new I2cConnectionSettings(busId, address))
    {
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _identity = identity;
        PowerOnReset();
    }

    /// <summary>The angle (degrees) the limb rests at when no script runs.</summary>
    public double RestAngleDeg { get; set; }

    /// <summary>Distance of the sensor from the joint's axis, metres (movement acceleration). Default 0.25 m.</summary>
    public double SensorRadiusMetres { get; set; } = 0.25;

    /// <summary>Chip temperature reported in TEMP_OUT, °C.</summary>
    public double ChipTemperatureCelsius { get; set; } = 30.0;

    /// <summary>True while PWR_MGMT_1.SLEEP is set.</summary>
    public bool Sleeping => (Peek(Mpu6050Registers.PowerManagement1) & Mpu6050Registers.SleepBit) != 0;

    /// <summary>Starts <paramref name="script"/> now (by the time provider).</summary>
    public void BeginMotion(IMotionScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        _script = script;
        _scriptStart = _timeProvider.GetTimestamp();
#pragma warning disable CA5394 // Simulation noise, not security: a seeded generator makes runs reproducible.
        _noise = new Random(script.Seed);
#pragma warning restore CA5394
    }

    /// <summary>Stops the script: the limb rests at <see cref="RestAngleDeg"/> again.</summary>
    public void EndMotion() => _script = null;

    /// <summary>Simulates the sensor being unplugged: transfers fail until <see cref="Replug"/>.</summary>
    public void Unplug() => Present = false;

    /// <summary>Plugs the sensor back in: it answers again, in its power-on state (asleep, default configuration).</summary>
    public void Replug()
    {
        PowerOnReset();
        Present = true;
    }

    /// <inheritdoc />
    protected override void AfterWrite(byte address, byte value)
    {
        var register = address;
        if (register == Mpu6050Registers.PowerManagement1 && (value & Mpu6050Registers.DeviceResetBit) != 0)
        {
            ResetRegisters();
        }
        else if (register == Mpu6050Registers.WhoAmI)
        {
            SetRegister(Mpu6050Registers.WhoAmI, _identity);
        }
    }

    /// <inheritdoc />
    protected override void BeforeRead(byte address, int length)
    {
        var register = address;
        var end = register + length;
        var touchesData = register <= Mpu6050Registers.GyroZOutL && end > Mpu6050Registers.AccelXOutH;
        if (touchesData && (GetRegister(Mpu6050Registers.PowerManagement1) & Mpu6050Registers.SleepBit) == 0)
        {
            LatchSample();
        }
    }

    private void PowerOnReset()
    {
        for (var r = 0; r < 256; r++)
        {
            Poke((byte)r, 0);
        }

        Poke(Mpu6050Registers.PowerManagement1, Mpu6050Registers.PowerOnPowerManagement1);
        Poke(Mpu6050Registers.WhoAmI, _identity);
    }

    private void ResetRegisters()
    {
        for (var r = 0; r < 256; r++)
        {
            SetRegister((byte)r, 0);
        }

        SetRegister(Mpu6050Registers.PowerManagement1, Mpu6050Registers.PowerOnPowerManagement1);
        SetRegister(Mpu6050Registers.WhoAmI, _identity);
    }

    private void LatchSample()
    {
        double angle;
        double rate;
        var noiseDeg = 0.0;
        var centripetalG = 0.0;
        var tangentialG = 0.0;
        if (_script is { } script)
        {
            var elapsed = _timeProvider.GetElapsedTime(_scriptStart);
            angle = script.AngleDeg(elapsed);
            rate = script.AngularRateDegPerSecond(elapsed);
            noiseDeg = script.NoiseDeg;
            var step = TimeSpan.FromMilliseconds(1);
            var angularAcceleration = (script.AngularRateDegPerSecond(elapsed + step) - script.AngularRateDegPerSecond(elapsed - step)) / (2 * step.TotalSeconds);
            var omega = rate * Math.PI / 180.0;
            centripetalG = SensorRadiusMetres * omega * omega / StandardGravity;
            tangentialG = SensorRadiusMetres * (angularAcceleration * Math.PI / 180.0) / StandardGravity;
        }
        else
        {
            angle = RestAngleDeg;
            rate = 0;
        }

        var seenAngle = (angle + (noiseDeg * NextGaussian())) * Math.PI / 180.0;
        var accelLsbPerG = 16384.0 / (1 << ((GetRegister(Mpu6050Registers.AccelConfig) >> 3) & 0x3));
        var gyroLsbPerDps = 131.0 / (1 << ((GetRegister(Mpu6050Registers.GyroConfig) >> 3) & 0x3));

        WriteInt16(Mpu6050Registers.AccelXOutH, (Math.Cos(seenAngle) + centripetalG) * accelLsbPerG);
        WriteInt16(Mpu6050Registers.AccelXOutH + 2, 0.01 * NextGaussian() * accelLsbPerG);
        WriteInt16(Mpu6050Registers.AccelXOutH + 4, (Math.Sin(seenAngle) + tangentialG) * accelLsbPerG);
        WriteInt16(Mpu6050Registers.TempOutH, ((ChipTemperatureCelsius - 21) * 333.87) + 21);
        var gyroNoise = noiseDeg > 0 ? 0.5 * NextGaussian() : 0;
        WriteInt16(Mpu6050Registers.GyroXOutH, 0);
        WriteInt16(Mpu6050Registers.GyroXOutH + 2, (rate + gyroNoise) * gyroLsbPerDps);
        WriteInt16(Mpu6050Registers.GyroXOutH + 4, 0);
    }

    private void WriteInt16(int register, double value)
    {
        var clamped = (short)Math.Clamp(Math.Round(value), short.MinValue, short.MaxValue);
        Span<byte> bytes = stackalloc byte[2];
        BinaryPrimitives.WriteInt16BigEndian(bytes, clamped);
        SetRegister((byte)register, bytes[0]);
        SetRegister((byte)(register + 1), bytes[1]);
    }

    private double NextGaussian()
    {
#pragma warning disable CA5394 // Simulation noise, not security.
        var u1 = 1.0 - _noise.NextDouble();
        var u2 = _noise.NextDouble();
#pragma warning restore CA5394
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
