namespace Telehealth.GatewayDemo.Scenario;

/// <summary>Log messages of the demo scenario (no values: only what was scripted and when).</summary>
internal static partial class ScenarioLog
{
    [LoggerMessage(EventId = 9100, Level = LogLevel.Information, Message = "Scenario: sensors ready ({Ready} of {Total} devices open)")]
    public static partial void Ready(this ILogger logger, int ready, int total);

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Scenario cycle {Cycle} started: {Repetitions} knee flexions, one grip squeeze, thermometer presence")]
    public static partial void CycleStarted(this ILogger logger, int cycle, int repetitions);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Information, Message = "Scenario cycle {Cycle} done")]
    public static partial void CycleDone(this ILogger logger, int cycle);

    [LoggerMessage(EventId = 9103, Level = LogLevel.Information, Message = "Scenario finished after {Cycles} cycles")]
    public static partial void Finished(this ILogger logger, int cycles);
}
