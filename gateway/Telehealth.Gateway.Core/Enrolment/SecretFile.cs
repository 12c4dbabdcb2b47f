using System.Text;

namespace Telehealth.Gateway.Core.Enrolment;

/// <summary>Writes the gateway's secret file atomically with mode 0600 (owner read/write only).</summary>
public static class SecretFile
{
    /// <summary>
    /// Writes <paramref name="secret"/> to a temp file created with mode 0600 next to <paramref name="path"/>, flushes
    /// it to disk and renames it over <paramref name="path"/>: a crash leaves either the old file or the new one whole.
    /// </summary>
    public static void WriteAtomically(string path, string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(Encoding.UTF8.GetBytes(secret));
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite); // also when umask or an old temp file interfered
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
