using System.Globalization;

namespace Telehealth.Simulators.Bench.Buffer;

/// <summary>CPU time from <c>/proc</c>: a process's user+system time, and the whole machine's busy and total time.</summary>
public static class ProcessCpu
{
    /// <summary>Linux reports <c>/proc</c> times in USER_HZ ticks, which the kernel ABI fixes at 100 per second.</summary>
    private const double TicksPerSecond = 100;

    /// <summary>User + system CPU seconds the process used so far (all its threads), or null when it is gone.</summary>
    public static double? Seconds(int pid) => StatSeconds($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");

    /// <summary>
    /// User + system CPU seconds from a <c>stat</c> file (<c>/proc/PID/stat</c> for a process,
    /// <c>/proc/PID/task/TID/stat</c> for one thread), or null when it is gone.
    /// </summary>
    public static double? StatSeconds(string statPath)
    {
        string text;
        try
        {
            text = File.ReadAllText(statPath);
        }
        catch (IOException)
        {
            return null;
        }

        // the command name (field 2) may hold spaces: fields after its closing parenthesis start at field 3
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    /// <summary>The machine's CPU seconds so far: busy (not idle, not waiting for I/O) and total, summed over all cores.</summary>
    public static (double Busy, double Total) Machine()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var ticks = cpu.Skip(1).Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = ticks.Sum();
        var idle = ticks[3] + ticks[4];
        return ((total - idle) / TicksPerSecond, total / TicksPerSecond);
    }
}
