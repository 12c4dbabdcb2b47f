using System.Globalization;
using Telehealth.Simulators.Bench.Buffer;

namespace Telehealth.Simulators.Bench.Ingest;

/// <summary>
/// CPU seconds a .NET process's tiered-compilation threads (named ".NET Tiered Com…" in <c>/proc/PID/task/*/comm</c>)
/// have used: while it still grows, the process is still re-compiling hot methods and is not yet running warm.
/// </summary>
public sealed class JitActivity(int pid)
{
    private readonly Dictionary<int, double> _seen = [];

    /// <summary>Seconds the compilation threads used since the last call (threads that ended meanwhile are not counted).</summary>
    public double SinceLastCall()
    {
        var used = 0.0;
        string[] tasks;
        try
        {
            tasks = Directory.GetDirectories($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/task");
        }
        catch (IOException)
        {
            return 0;
        }

        foreach (var task in tasks)
        {
            try
            {
                if (!File.ReadAllText(Path.Combine(task, "comm")).StartsWith(".NET Tiered Com", StringComparison.Ordinal))
                {
                    continue;
                }

                if (ProcessCpu.StatSeconds(Path.Combine(task, "stat")) is not { } seconds)
                {
                    continue; // the thread ended between listing and reading
                }

                var tid = int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture);
                used += seconds - _seen.GetValueOrDefault(tid);
                _seen[tid] = seconds;
            }
            catch (IOException)
            {
                // the thread ended between listing and reading
            }
        }

        return used;
    }
}
