namespace Telehealth.Ingest.Batches;

/// <summary>What <see cref="BatchReader"/> reuses from one reading to the next within a batch.</summary>
internal sealed class ReadingScratch(string patientId, long latestDeviceTimeMs)
{
    /// <summary>The authenticated gateway's patient, whose id every line carries.</summary>
    public string PatientId { get; } = patientId;

    /// <summary>The latest device time accepted (read once per batch).</summary>
    public long LatestDeviceTimeMs { get; } = latestDeviceTimeMs;

    /// <summary>The component names of the series being read (<c>components</c>), in the order of each point's values.</summary>
    public List<string> SeriesComponents { get; } = [];

    public RepeatedText Envelope { get; } = new();

    public RepeatedText DeviceIds { get; } = new();

    public RepeatedText Metrics { get; } = new();

    public RepeatedText Units { get; } = new();

    public RepeatedText ComponentNames { get; } = new();

    /// <summary>The series, series keys and field keys already checked in this batch.</summary>
    public CheckedSeries Series { get; } = new(patientId);

    /// <summary>The current reading's values; cleared for each reading that has a <c>values</c> member.</summary>
    public ReadingComponents Components { get; } = new();

    /// <summary>The current reading's field keys and their order, once its components passed the checks.</summary>
    public CheckedFields Fields { get; } = new();

    /// <summary>The device id last added to the batch's set (consecutive readings mostly share it).</summary>
    public string? LastDevice { get; set; }
}
