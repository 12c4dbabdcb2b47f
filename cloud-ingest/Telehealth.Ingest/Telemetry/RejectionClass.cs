namespace Telehealth.Ingest.Telemetry;

/// <summary>
/// Why a reading was rejected, as a small fixed set of classes: the <c>reason</c> label of
/// <c>telehealth_ingest_readings_rejected_total</c> (never the reading's own reason text, which can carry values).
/// </summary>
public static class RejectionClass
{
    /// <summary>A null entry in the readings array.</summary>
    public const string Malformed = "malformed";

    /// <summary>Device id missing or longer than 64 characters.</summary>
    public const string Device = "device";

    /// <summary>Device time before 2000 or too far in the future.</summary>
    public const string Time = "time";

    /// <summary>Against the metric catalogue: unknown metric or component, wrong unit, implausible or non-finite value.</summary>
    public const string Catalogue = "catalogue";

    /// <summary>Text the line protocol cannot carry unambiguously, or a reserved component name.</summary>
    public const string Format = "format";

    /// <summary>Refused by the time-series store itself (e.g. a field type conflict).</summary>
    public const string Storage = "storage";
}
