using System.Globalization;

namespace Telehealth.Simulators.Bench.Buffer;

/// <summary>Reads a process's peak resident set size (<c>VmHWM</c> in <c>/proc/PID/status</c>).</summary>
public static class ProcessMemory
{
    /// <summary>Peak RSS in KiB, or null when the process is gone or the kernel does not report it.</summary>
    public static long? PeakRssKiB(int pid)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status");
        }
        catch (IOException)
        {
            return null;
        }

        foreach (var line in lines)
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var digits = line["VmHWM:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim();
                return long.Parse(digits, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
