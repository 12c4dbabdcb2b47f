using System.ComponentModel;
using System.Diagnostics;

namespace Telehealth.Simulators.Chaos;

/// <summary><c>PRAGMA integrity_check</c> of a stopped gateway's buffer file with the <c>sqlite3</c> shell.</summary>
public static class BufferFileCheck
{
    /// <summary>"ok" when the file is sound; otherwise what sqlite3 said (or that it is not installed).</summary>
    public static async Task<string> IntegrityAsync(string path, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("sqlite3", [path, "PRAGMA integrity_check;"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start sqlite3");
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var answer = ((await stdout) + (await stderr)).Trim();
            return answer.Length == 0 ? "no answer" : answer.ReplaceLineEndings(" | ");
        }
        catch (Win32Exception)
        {
            return "not checked: sqlite3 is not installed (apt-get install sqlite3)";
        }
    }
}
