using System.ComponentModel.DataAnnotations;

namespace Telehealth.Gateway.Devices.Sensors.Session;

/// <summary>The exercise-session push button and the feedback outputs (LED, buzzer).</summary>
public sealed class SessionButtonOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Sensors:SessionButton";

    /// <summary>GPIO (logical/BCM) pin of the button. Default 17.</summary>
    [Range(0, 255)]
    public int ButtonPin { get; set; } = 17;

    /// <summary>True when the button pulls the pin to ground (internal pull-up enabled, press = falling edge). Default true.</summary>
    public bool ActiveLow { get; set; } = true;

    /// <summary>Edges within this time of the last accepted edge are contact bounce and ignored. Default 50 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>GPIO pin of the "session active" LED (high = on), or null for none. Default 27.</summary>
    [Range(0, 255)]
    public int? SessionLedPin { get; set; } = 27;

    /// <summary>GPIO pin of the buzzer (or a second LED) pulsed when readings were committed, or null for none. Default 22.</summary>
    [Range(0, 255)]
    public int? CommitFeedbackPin { get; set; } = 22;

    /// <summary>Length of the commit pulse. Default 150 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:05")]
    public TimeSpan CommitPulse { get; set; } = TimeSpan.FromMilliseconds(150);

    /// <summary>How often the session service checks the session timeouts. Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan TimeoutCheckInterval { get; set; } = TimeSpan.FromSeconds(1);
}
