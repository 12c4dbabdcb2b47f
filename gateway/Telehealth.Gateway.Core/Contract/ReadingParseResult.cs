using Telehealth.Gateway.Core.Readings;

namespace Telehealth.Gateway.Core.Contract;

/// <summary>The outcome of parsing one MQTT reading message: readings, or the reason it was refused.</summary>
public sealed class ReadingParseResult
{
    private ReadingParseResult(IReadOnlyList<DeviceReading> readings, string? error)
    {
        Readings = readings;
        Error = error;
    }

    /// <summary>The readings (empty when refused).</summary>
    public IReadOnlyList<DeviceReading> Readings { get; }

    /// <summary>Why the message was refused; null when it was accepted.</summary>
    public string? Error { get; }

    /// <summary>True when the message was accepted.</summary>
    public bool IsValid => Error is null;

    /// <summary>An accepted message.</summary>
    public static ReadingParseResult Ok(IReadOnlyList<DeviceReading> readings) => new(readings, null);

    /// <summary>A refused message.</summary>
    public static ReadingParseResult Invalid(string error) => new([], error);
}
