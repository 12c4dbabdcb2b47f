using System.Globalization;

namespace Telehealth.Simulators.Bench.Buffer;

/// <summary>
/// A process's memory from <c>/proc/PID/status</c>: peak RSS (<c>VmHWM</c>) and the current RSS split into anonymous
/// memory (heaps), file-backed pages (mapped assemblies, native libraries) and shared memory (e.g. SQLite's WAL index).
/// </summary>
public sealed record ProcessMemory(long PeakRssKiB, long RssKiB, long AnonKiB, long FileKiB, long SharedKiB)
{
    /// <summary>The process's memory now, or null when it is gone.</summary>
    public static ProcessMemory? Read(int pid)
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

        long Field(string name)
        {
            foreach (var line in lines)
            {
                if (line.StartsWith(name + ":", StringComparison.Ordinal))
                {
                    return long.Parse(line[(name.Length + 1)..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
                }
            }

            return 0;
        }

        return new ProcessMemory(Field("VmHWM"), Field("VmRSS"), Field("RssAnon"), Field("RssFile"), Field("RssShmem"));
    }

    public string Describe()
        => string.Create(CultureInfo.InvariantCulture,
            $"peak {PeakRssKiB / 1024.0:0} MiB; at the largest sample {RssKiB / 1024.0:0} MiB = anon {AnonKiB / 1024.0:0} + file {FileKiB / 1024.0:0} + shmem {SharedKiB / 1024.0:0}");
}
