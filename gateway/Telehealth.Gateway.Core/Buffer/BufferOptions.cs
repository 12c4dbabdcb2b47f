using System.ComponentModel.DataAnnotations;

namespace Telehealth.Gateway.Core.Buffer;

/// <summary>The durable reading buffer (SQLite). Section <c>Buffer</c>.</summary>
public sealed class BufferOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Buffer";

    /// <summary>Path of the SQLite file. Default <c>buffer.db</c> in the working directory (systemd: the state directory).</summary>
    [Required]
    public string Path { get; set; } = "buffer.db";

    /// <summary>Durability of a commit. Default <see cref="SynchronousMode.Full"/>.</summary>
    public SynchronousMode Synchronous { get; set; } = SynchronousMode.Full;

    /// <summary>
    /// Byte budget of the buffer file. When it is full new readings are refused (back-pressure) and an alarm raised;
    /// nothing is overwritten. Default 512 MiB ≈ 4 million readings ≈ 40 days of a home sending 100k readings a day.
    /// </summary>
    [Range(1L * 1024 * 1024, 1L * 1024 * 1024 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>
    /// Bytes kept in a reserve file beside the buffer (<c>{Path}.reserve</c>) and released when the disk is full, so the
    /// forwarder can still delete what it sent (in WAL mode even a delete needs free space). Default 4 MiB; 0 disables.
    /// </summary>
    [Range(0, 1L * 1024 * 1024 * 1024)]
    public long ReserveBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Most rows in one group-commit transaction. Default 2000.</summary>
    [Range(1, 100_000)]
    public int MaxRowsPerCommit { get; set; } = 2000;
}
