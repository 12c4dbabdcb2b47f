namespace Telehealth.Ingest.Alerting;

/// <summary>A device in <c>settings_json</c>: its id and the longest normal gap between two of its reports, in hours.</summary>
public sealed class ExpectedDeviceSetting
{
    public string DeviceId { get; set; } = "";

    public double ExpectedIntervalHours { get; set; }
}
