namespace Telehealth.Cohort.Citizens;

/// <summary>A device (or the whole gateway) sending nothing: no readings, no heartbeats.</summary>
/// <param name="DeviceId">The device; <see cref="DeviceIds.Gateway"/> silences every device.</param>
/// <param name="Start">Start of the silence.</param>
/// <param name="End">End of the silence.</param>
public sealed record DeviceDropout(string DeviceId, DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>How long it lasted.</summary>
    public TimeSpan Duration => End - Start;

    /// <summary>True when <paramref name="time"/> falls inside and the dropout concerns <paramref name="deviceId"/>.</summary>
    public bool Silences(string deviceId, DateTimeOffset time)
        => time >= Start && time < End && (DeviceId == deviceId || DeviceId == DeviceIds.Gateway);
}
