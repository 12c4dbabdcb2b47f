namespace Telehealth.Gateway.Devices.Sensors.Hosting;

/// <summary>The I2C chips the gateway can read (<c>Devices:I2c:N:Kind</c>).</summary>
public enum I2cSensorKind
{
    /// <summary>MPU-6050 limb IMU → joint angle → session features.</summary>
    Mpu6050,

    /// <summary>MLX90614 infrared thermometer → body_temperature.</summary>
    Mlx90614,

    /// <summary>MAX30102 finger pulse oximeter → spo2 and pulse_rate.</summary>
    Max30102,
}
