using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Telehealth.Simulators.Chaos;

/// <summary>
/// The real gateway as a process (<c>dotnet Telehealth.Gateway.dll</c>, configured by environment variables), started
/// again and again with the same settings. Its output of every life goes to one log file. While it runs, its process id
/// is in <c>PidFile</c>, so that a script cleaning up after a killed run can end exactly this process.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private readonly string _dll;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();
    private readonly Queue<string> _tail = new();
    private Process? _process;

    public GatewayProcess(string dll, IReadOnlyDictionary<string, string> environment, string logPath, string pidFile)
    {
        _dll = dll;
        _environment = environment;
        PidFile = pidFile;
        _log = new StreamWriter(logPath, append: true, new UTF8Encoding(false)) { AutoFlush = true };
    }

    /// <summary>Holds the running gateway's process id; deleted once it has ended.</summary>
    public string PidFile { get; }

    /// <summary>True once the current gateway process has ended (or none was started).</summary>
    public bool HasExited => _process is null || _process.HasExited;

    /// <summary>The exit code of the last gateway process, once it has ended.</summary>
    public int? ExitCode => _process is { HasExited: true } p ? p.ExitCode : null;

    /// <summary>The last lines the gateway wrote, for error messages.</summary>
    public string Tail
    {
        get
        {
            lock (_logLock)
            {
                return string.Join('\n', _tail);
            }
        }
    }

    public void Start(string label)
    {
        if (!HasExited)
        {
            throw new InvalidOperationException("the gateway is still running");
        }

        _process?.Dispose();
        Append($"===== {label} =====");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(_dll);
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in _environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        _process = process;
        File.WriteAllText(PidFile, process.Id.ToString(CultureInfo.InvariantCulture));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>SIGKILL: no shutdown code runs — for the gateway it is a power cut.</summary>
    public async Task KillAsync()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
            Ended();
        }
    }

    /// <summary>SIGTERM (a normal stop, as systemd does it); SIGKILL when it has not ended within <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
        {
            if (kill is not null)
            {
                await kill.WaitForExitAsync();
            }
        }

        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Append("(did not stop within the grace time: killed)");
        }

        await KillAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        await _log.DisposeAsync();
    }

    private void Ended()
    {
        File.Delete(PidFile);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            _log.WriteLine(line);
            _tail.Enqueue(line);
            while (_tail.Count > 40)
            {
                _tail.Dequeue();
            }
        }
    }
}
