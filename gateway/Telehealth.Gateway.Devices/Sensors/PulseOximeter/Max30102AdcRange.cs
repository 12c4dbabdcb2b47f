namespace Telehealth.Gateway.Devices.Sensors.PulseOximeter;

/// <summary>SPO2_ADC_RGE[1:0]: ADC full scale.</summary>
public enum Max30102AdcRange : byte
{
    Na2048 = 0,
    Na4096 = 1,
    Na8192 = 2,
    Na16384 = 3,
}
