namespace Telehealth.Ingest.Batches;

/// <summary>What <see cref="BatchReader"/> reuses from one reading to the next within a batch.</summary>
internal sealed class ReadingScratch
{
    public RepeatedText Envelope { get; } = new();

    public RepeatedText DeviceIds { get; } = new();

    public RepeatedText Metrics { get; } = new();

    public RepeatedText Units { get; } = new();

    public RepeatedText ComponentNames { get; } = new();

    /// <summary>Metric and device of the last series key written, and where it lies in the batch's lines.</summary>
    public string? KeyMetric { get; set; }

    public string? KeyDevice { get; set; }

    public int KeyStart { get; set; }

    public int KeyLength { get; set; }

    /// <summary>The current reading's values; cleared for each reading that has a <c>values</c> member.</summary>
    public Dictionary<string, double> Values { get; } = new(StringComparer.Ordinal);
}
