namespace Telehealth.Gateway.Core.Buffer;

/// <summary>SQLite's <c>PRAGMA synchronous</c> for the buffer (WAL mode).</summary>
public enum SynchronousMode
{
    /// <summary>fsync on every commit: a committed (and acknowledged) reading survives power loss. Default.</summary>
    Full,

    /// <summary>fsync at WAL checkpoints only: survives a process crash, but a power loss can undo the last commits.</summary>
    Normal,
}
