namespace Telehealth.Simulators.Wearables;

/// <summary>The kinds of simulated MQTT devices, each producing one catalogue metric.</summary>
public enum DeviceKind
{
    /// <summary>Heart rate from a wrist or chest wearable.</summary>
    Wearable,

    /// <summary>SpO2 from a pulse oximeter.</summary>
    Oximeter,

    /// <summary>Blood pressure (systolic/diastolic/MAP) from a cuff.</summary>
    BloodPressureCuff,

    /// <summary>Body weight from a scale.</summary>
    Scale,

    /// <summary>Step counts from a phone app.</summary>
    StepCounter,
}
