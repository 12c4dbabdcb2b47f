namespace Telehealth.Gateway.Devices.Sensors.PulseOximeter;

/// <summary>LED_PW[1:0]: LED pulse width, which also sets the ADC resolution.</summary>
public enum Max30102PulseWidth : byte
{
    /// <summary>69 µs, 15 bits.</summary>
    Us69 = 0,

    /// <summary>118 µs, 16 bits.</summary>
    Us118 = 1,

    /// <summary>215 µs, 17 bits.</summary>
    Us215 = 2,

    /// <summary>411 µs, 18 bits.</summary>
    Us411 = 3,
}
