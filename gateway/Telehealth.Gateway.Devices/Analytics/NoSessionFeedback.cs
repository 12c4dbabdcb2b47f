namespace Telehealth.Gateway.Devices.Analytics;

/// <summary>Feedback for a gateway without LED or buzzer.</summary>
public sealed class NoSessionFeedback : ISessionFeedback
{
    public static NoSessionFeedback Instance { get; } = new();

    public void SessionStarted()
    {
    }

    public void SessionEnded()
    {
    }

    public void ReadingsCommitted()
    {
    }
}
