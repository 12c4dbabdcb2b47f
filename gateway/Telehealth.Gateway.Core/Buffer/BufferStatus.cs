namespace Telehealth.Gateway.Core.Buffer;

/// <summary>A snapshot of the buffer for the status page and the heartbeat.</summary>
/// <param name="Readings">Readings waiting to be forwarded.</param>
/// <param name="Bytes">Size of the buffer files on disk (database + WAL).</param>
/// <param name="MaxBytes">The byte budget.</param>
/// <param name="OldestReceivedMs">Receive time of the oldest waiting reading, or null when empty.</param>
/// <param name="DeadLetters">Dead letters kept.</param>
/// <param name="Appended">Readings committed since start.</param>
/// <param name="Forwarded">Readings acknowledged by the ingest since start.</param>
/// <param name="Full">True while the last commit failed for lack of space (budget or disk): back-pressure is on.</param>
/// <param name="CorruptFileMovedAside">Path a corrupt buffer file was moved to at start, or null.</param>
public sealed record BufferStatus(
    long Readings,
    long Bytes,
    long MaxBytes,
    long? OldestReceivedMs,
    long DeadLetters,
    long Appended,
    long Forwarded,
    bool Full,
    string? CorruptFileMovedAside);
