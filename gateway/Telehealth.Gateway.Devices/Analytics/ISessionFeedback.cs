namespace Telehealth.Gateway.Devices.Analytics;

/// <summary>What the citizen sees and hears: a session LED, a short beep or blink when readings were stored.</summary>
public interface ISessionFeedback
{
    /// <summary>A session started.</summary>
    void SessionStarted();

    /// <summary>A session ended.</summary>
    void SessionEnded();

    /// <summary>Readings the citizen produced (a session's features, a temperature) were committed to the buffer.</summary>
    void ReadingsCommitted();
}
