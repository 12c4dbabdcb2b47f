using System.Globalization;
using System.Text;

namespace Telehealth.Simulators.Bench.Buffer;

/// <summary>
/// Where the CPU went during a measurement: each named process's CPU time per 1000 readings and in cores, and how
/// busy the whole machine was (other engineers' builds included) — to tell a CPU-bound phase from a waiting one.
/// </summary>
public sealed class CpuWindow
{
    private readonly IReadOnlyList<(string Name, int Pid)> _processes;
    private readonly double?[] _start;
    private readonly (double Busy, double Total) _machine;
    private readonly long _started;
    private readonly TimeProvider _time;

    public CpuWindow(IReadOnlyList<(string Name, int Pid)> processes, TimeProvider time)
    {
        _processes = processes;
        _time = time;
        _start = [.. processes.Select(p => ProcessCpu.Seconds(p.Pid))];
        _machine = ProcessCpu.Machine();
        _started = time.GetTimestamp();
    }

    /// <summary>One line: <c>cpu: name X ms/1000 readings (Y cores), … machine Z% busy</c>.</summary>
    public string Describe(long readings)
    {
        var seconds = _time.GetElapsedTime(_started).TotalSeconds;
        var line = new StringBuilder("cpu:");
        for (var i = 0; i < _processes.Count; i++)
        {
            if (_start[i] is { } from && ProcessCpu.Seconds(_processes[i].Pid) is { } to)
            {
                var used = to - from;
                line.Append(CultureInfo.InvariantCulture, $" {_processes[i].Name} {used * 1000 / Math.Max(1, readings) * 1000:0.0} ms/1000 readings ({used / seconds:0.00} cores);");
            }
        }

        var (busy, total) = ProcessCpu.Machine();
        var cores = (total - _machine.Total) / seconds;
        line.Append(CultureInfo.InvariantCulture, $" machine {(busy - _machine.Busy) / Math.Max(0.001, total - _machine.Total) * 100:0}% busy of {cores:0} cores");
        return line.ToString();
    }
}
