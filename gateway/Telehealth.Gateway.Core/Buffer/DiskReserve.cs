using Microsoft.Extensions.Logging;

namespace Telehealth.Gateway.Core.Buffer;

/// <summary>
/// A file of real (not sparse) bytes beside the buffer. In WAL mode every change needs free disk space — deletes
/// too — so on a disk filled to the last byte the forwarder could never delete what it sent, and space would never
/// come back. When the disk is full the buffer releases this reserve, which lets acknowledgements commit and free pages;
/// it is taken back once appends succeed again.
/// </summary>
internal sealed partial class DiskReserve(string path, long bytes, ILogger logger)
{
    public bool Held => File.Exists(path);

    /// <summary>Creates the reserve if it is missing and space allows; best effort.</summary>
    public void TryTake()
    {
        if (bytes <= 0 || File.Exists(path))
        {
            return;
        }

        try
        {
            using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024))
            {
                var chunk = new byte[64 * 1024];
                for (long written = 0; written < bytes; written += chunk.Length)
                {
                    file.Write(chunk, 0, (int)Math.Min(chunk.Length, bytes - written));
                }

                file.Flush(flushToDisk: true);
            }

            LogTaken(logger, bytes);
        }
        catch (IOException ex)
        {
            File.Delete(path);
            LogNoRoom(logger, ex.Message);
        }
    }

    /// <summary>Deletes the reserve; true when there was one to give back.</summary>
    public bool Release()
    {
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        LogReleased(logger, bytes);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Disk reserve of {Bytes} bytes held beside the buffer")]
    private static partial void LogTaken(ILogger logger, long bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No room for the disk reserve yet ({Error}); retried when the buffer accepts readings again")]
    private static partial void LogNoRoom(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Disk full: released the {Bytes}-byte disk reserve so forwarded readings can be deleted")]
    private static partial void LogReleased(ILogger logger, long bytes);
}
