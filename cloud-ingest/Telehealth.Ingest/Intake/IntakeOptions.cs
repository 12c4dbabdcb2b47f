using System.ComponentModel.DataAnnotations;

namespace Telehealth.Ingest.Intake;

/// <summary>Limits on what gateways may send. Section <c>Intake</c>.</summary>
public sealed class IntakeOptions
{
    public const string SectionName = "Intake";

    /// <summary>
    /// Largest request body in bytes, compressed or not; a gzip body is also cut off at this many decompressed bytes,
    /// so a gzip bomb cannot exhaust memory (413). Default 8 MiB (a 2000-reading batch is about 0.5 MiB of JSON).
    /// </summary>
    [Range(64 * 1024, 256L * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Sustained requests per second allowed per gateway (token bucket); beyond it, 429. Default 20.</summary>
    [Range(1, 100_000)]
    public int RequestsPerSecondPerGateway { get; set; } = 20;

    /// <summary>Burst size of the token bucket per gateway. Default 40.</summary>
    [Range(1, 100_000)]
    public int BurstPerGateway { get; set; } = 40;
}
