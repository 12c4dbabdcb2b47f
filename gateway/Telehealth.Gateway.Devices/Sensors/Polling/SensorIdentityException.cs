namespace Telehealth.Gateway.Devices.Sensors.Polling;

/// <summary>The chip at the configured address is not the one configured (its identity register says otherwise).</summary>
public sealed class SensorIdentityException : IOException
{
    public SensorIdentityException()
    {
    }

    public SensorIdentityException(string message)
        : base(message)
    {
    }

    public SensorIdentityException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
