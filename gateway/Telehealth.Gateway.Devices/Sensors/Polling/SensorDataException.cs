namespace Telehealth.Gateway.Devices.Sensors.Polling;

/// <summary>The device answered, but with data no working sensor produces (a chip that reset and sleeps, a stuck ADC).</summary>
public sealed class SensorDataException : IOException
{
    public SensorDataException()
    {
    }

    public SensorDataException(string message)
        : base(message)
    {
    }

    public SensorDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
