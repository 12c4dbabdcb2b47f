namespace Telehealth.Cohort.Citizens;

/// <summary>The simulated devices of a home (ids are per gateway, so the same in every home).</summary>
public static class DeviceIds
{
    /// <summary>Wrist wearable: heart rate, resting heart rate, steps.</summary>
    public const string Wearable = "wearable";

    /// <summary>BLE scale.</summary>
    public const string Scale = "scale";

    /// <summary>BLE blood-pressure cuff.</summary>
    public const string BloodPressureCuff = "bp-cuff";

    /// <summary>BLE pulse oximeter.</summary>
    public const string Oximeter = "oximeter";

    /// <summary>I2C limb motion sensor (range of motion, repetitions).</summary>
    public const string MotionSensor = "motion-sensor";

    /// <summary>GPIO grip board (Hx711).</summary>
    public const string GripBoard = "grip-board";

    /// <summary>The gateway itself: a gateway dropout silences every device.</summary>
    public const string Gateway = "gateway";
}
