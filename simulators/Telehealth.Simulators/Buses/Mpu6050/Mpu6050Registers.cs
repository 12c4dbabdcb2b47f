namespace Telehealth.Simulators.Buses.Mpu6050;

/// <summary>MPU-6000/6050 register addresses (Register Map and Descriptions, RM-MPU-6000A rev 4.2).</summary>
public static class Mpu6050Registers
{
    public const byte SampleRateDivider = 0x19;
    public const byte Config = 0x1A;
    public const byte GyroConfig = 0x1B;
    public const byte AccelConfig = 0x1C;
    public const byte AccelXOutH = 0x3B;
    public const byte TempOutH = 0x41;
    public const byte GyroXOutH = 0x43;
    public const byte GyroZOutL = 0x48;
    public const byte PowerManagement1 = 0x6B;
    public const byte PowerManagement2 = 0x6C;
    public const byte WhoAmI = 0x75;

    /// <summary>WHO_AM_I of an MPU-6050 (its default I2C address, AD0 low).</summary>
    public const byte Mpu6050Identity = 0x68;

    /// <summary>PWR_MGMT_1 after power-on: SLEEP set.</summary>
    public const byte PowerOnPowerManagement1 = 0x40;

    /// <summary>PWR_MGMT_1 DEVICE_RESET bit.</summary>
    public const byte DeviceResetBit = 0x80;

    /// <summary>PWR_MGMT_1 SLEEP bit.</summary>
    public const byte SleepBit = 0x40;
}
