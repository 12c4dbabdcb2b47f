using System.ComponentModel.DataAnnotations;

namespace Telehealth.Gateway.Devices.Sensors.Polling;

/// <summary>What every polled I2C/GPIO sensor is configured with: its id, its sampling schedule and its retry backoff.</summary>
public abstract class PolledSensorOptions
{
    /// <summary>The enrolled device id readings carry (pseudonymous; never a person's name or CPR number).</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^[A-Za-z0-9._:-]{1,64}$", ErrorMessage = "DeviceId must be 1-64 characters of A-Z a-z 0-9 . _ : -")]
    public string DeviceId { get; set; } = string.Empty;

    /// <summary>Time between samples. Each sensor's options set and document its default.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan SamplePeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>First wait after a bus error (doubles with each further consecutive error). Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between retries. Default 60 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(60);
}
