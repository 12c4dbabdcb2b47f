namespace Telehealth.Gateway.Devices.Gatt.Decoding;

/// <summary>16-bit UUIDs of the characteristics the gateway decodes.</summary>
public static class GattCharacteristics
{
    /// <summary>Blood Pressure Measurement (Blood Pressure Service 0x1810).</summary>
    public const ushort BloodPressureMeasurement = 0x2A35;

    /// <summary>Heart Rate Measurement (Heart Rate Service 0x180D).</summary>
    public const ushort HeartRateMeasurement = 0x2A37;

    /// <summary>Temperature Measurement (Health Thermometer Service 0x1809).</summary>
    public const ushort TemperatureMeasurement = 0x2A1C;

    /// <summary>RSC Measurement (Running Speed and Cadence Service 0x1814).</summary>
    public const ushort RscMeasurement = 0x2A53;

    /// <summary>CSC Measurement (Cycling Speed and Cadence Service 0x1816).</summary>
    public const ushort CscMeasurement = 0x2A5B;

    /// <summary>PLX Spot-Check Measurement (Pulse Oximeter Service 0x1822).</summary>
    public const ushort PlxSpotCheckMeasurement = 0x2A5E;

    /// <summary>PLX Continuous Measurement (Pulse Oximeter Service 0x1822).</summary>
    public const ushort PlxContinuousMeasurement = 0x2A5F;

    /// <summary>Cycling Power Measurement (Cycling Power Service 0x1818).</summary>
    public const ushort CyclingPowerMeasurement = 0x2A63;

    /// <summary>Weight Measurement (Weight Scale Service 0x181D).</summary>
    public const ushort WeightMeasurement = 0x2A9D;
}
