namespace Telehealth.Gateway.Devices.Sensors.PulseOximeter;

/// <summary>One SpO2-mode FIFO sample: red (LED1) and infrared (LED2) ADC counts, 18 bits each.</summary>
public readonly record struct Max30102Sample(int Red, int Ir);
