namespace Telehealth.Ingest.Storage;

/// <summary>Which InfluxDB write API the ingest talks to.</summary>
public enum InfluxApiVersion
{
    /// <summary>InfluxDB 1.x: <c>/write?db=&amp;rp=&amp;precision=ms</c>, optional basic auth.</summary>
    V1 = 0,

    /// <summary>InfluxDB 2.x/3.x (or a compatible peer): <c>/api/v2/write</c> with org, bucket and token.</summary>
    V2 = 1,
}
