namespace Telehealth.Alerts.Profiles;

/// <summary>A device the patient has and how often it is expected to report (readings or heartbeats).</summary>
/// <param name="DeviceId">The device id readings carry.</param>
/// <param name="ExpectedInterval">The longest normal gap between two reports.</param>
public sealed record ExpectedDevice(string DeviceId, TimeSpan ExpectedInterval);
