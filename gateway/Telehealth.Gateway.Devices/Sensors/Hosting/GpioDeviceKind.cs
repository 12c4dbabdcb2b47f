namespace Telehealth.Gateway.Devices.Sensors.Hosting;

/// <summary>The GPIO devices the gateway can drive (<c>Devices:Gpio:N:Kind</c>).</summary>
public enum GpioDeviceKind
{
    /// <summary>One HX711 load cell as a grip dynamometer → session peak grip_force.</summary>
    Hx711,

    /// <summary>Several HX711 load cells at known positions → session sway.</summary>
    BalanceBoard,

    /// <summary>The push button that starts and stops an exercise session.</summary>
    SessionButton,

    /// <summary>The LED lit while a session runs.</summary>
    Led,

    /// <summary>The buzzer (or second LED) pulsed when readings were committed.</summary>
    Buzzer,
}
