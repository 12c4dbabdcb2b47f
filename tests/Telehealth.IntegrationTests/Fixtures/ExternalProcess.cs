using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace Telehealth.IntegrationTests.Fixtures;

/// <summary>
/// A server process started by a test fixture: output kept (last lines) for failure messages, stopped with SIGTERM
/// then SIGKILL, and killed at the latest when the test process exits, so no server outlives the test run.
/// </summary>
public sealed class ExternalProcess : IAsyncDisposable
{
    private const int KeptLines = 200;
    private static readonly ConcurrentDictionary<ExternalProcess, byte> Running = new();
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    static ExternalProcess()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
    }

    private ExternalProcess(Process process) => _process = process;

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>True once the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the process wrote to stdout and stderr.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>
    /// Everything the ended process wrote: its exit can be seen before the last lines were read, so this waits for the
    /// end of both output streams first.
    /// </summary>
    public async Task<string> OutputAfterExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        return Output;
    }

    /// <summary>Finds an executable on PATH, or fails saying which packages to install.</summary>
    public static string Locate(string executable, string aptPackages)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Append("/usr/bin").Append("/usr/sbin"))
        {
            var candidate = Path.Combine(directory, executable);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"'{executable}' is not installed: apt-get install {aptPackages} (tests/run.sh installs them).");
    }

    /// <summary>Starts the executable with its output captured.</summary>
    public static ExternalProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var external = new ExternalProcess(process);
        process.OutputDataReceived += (_, e) => external.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => external.Keep(e.Data);
        if (!process.Start())
        {
            process.Dispose();
            throw new InvalidOperationException($"Could not start {fileName}.");
        }

        Running.TryAdd(external, 0);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return external;
    }

    /// <summary>
    /// Polls <paramref name="url"/> until it answers <paramref name="expected"/>. Fails with the process's output when
    /// the process ends first or the time runs out (generous: first starts on a busy 2-core machine are slow).
    /// </summary>
    public async Task WaitForHttpAsync(Uri url, HttpStatusCode expected, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        var lastProblem = "no answer yet";
        while (deadline.Elapsed < timeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (HasExited)
            {
                var output = await OutputAfterExitAsync(cancellationToken);
                throw new InvalidOperationException(
                    $"{_process.StartInfo.FileName} exited with code {_process.ExitCode} before {url} answered. Output:\n{output}");
            }

            try
            {
                using var response = await http.GetAsync(url, cancellationToken);
                if (response.StatusCode == expected)
                {
                    return;
                }

                lastProblem = $"answered {(int)response.StatusCode}";
            }
            catch (HttpRequestException ex)
            {
                lastProblem = ex.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                lastProblem = "request timed out";
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new TimeoutException(
            $"{url} did not answer {(int)expected} within {timeout.TotalSeconds} s ({lastProblem}). Output:\n{Output}");
    }

    /// <summary>Asks the process to stop (SIGTERM) and kills it if it has not ended within <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (!HasExited)
        {
            await SignalTermAsync();
            using var timeout = new CancellationTokenSource(grace);
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Kill();
            }
        }

        await WaitForExitAsync();
    }

    /// <summary>Freezes the process (SIGSTOP): its sockets stay open but nothing answers. <see cref="ResumeAsync"/> undoes it.</summary>
    public Task PauseAsync() => SignalAsync("-STOP");

    /// <summary>Lets a paused process run again (SIGCONT).</summary>
    public Task ResumeAsync() => SignalAsync("-CONT");

    /// <summary>Kills the process (SIGKILL) at once.</summary>
    public async Task KillAsync()
    {
        Kill();
        await WaitForExitAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private static void KillAll()
    {
        foreach (var external in Running.Keys)
        {
            external.Kill();
        }
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
    }

    private async Task WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        Running.TryRemove(this, out _);
    }

    private async Task SignalTermAsync()
    {
        try
        {
            await SignalAsync("-TERM");
        }
        catch (InvalidOperationException)
        {
            Kill();
        }
    }

    private async Task SignalAsync(string signal)
    {
        var startInfo = new ProcessStartInfo("kill") { UseShellExecute = false, RedirectStandardError = true };
        startInfo.ArgumentList.Add(signal);
        startInfo.ArgumentList.Add(Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            using var kill = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not run kill.");
            await kill.WaitForExitAsync();
            if (kill.ExitCode != 0 && !HasExited)
            {
                throw new InvalidOperationException($"kill {signal} {Id} failed: {await kill.StandardError.ReadToEndAsync()}");
            }
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("Could not run kill.", ex);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > KeptLines && _output.TryDequeue(out _))
        {
        }
    }
}
