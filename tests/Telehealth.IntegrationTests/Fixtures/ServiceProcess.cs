using System.Diagnostics;
using System.Text;

namespace Telehealth.IntegrationTests.Fixtures;

/// <summary>
/// One of our programs running as a real process (<c>dotnet X.dll</c>) with configuration in environment variables,
/// its output kept in a log file. Can be killed with SIGKILL and started again with the same settings.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly string _dll;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly Uri? _readyUrl;
    private readonly StringBuilder _log = new();
    private readonly Lock _logLock = new();
    private Process? _process;

    public ServiceProcess(string name, string dll, IReadOnlyDictionary<string, string> environment, Uri? readyUrl)
    {
        Name = name;
        _dll = dll;
        _environment = environment;
        _readyUrl = readyUrl;
    }

    public string Name { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>All output so far (for assertion messages).</summary>
    public string Log
    {
        get
        {
            lock (_logLock)
            {
                return _log.ToString();
            }
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(_dll);
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in _environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        if (_readyUrl is not null)
        {
            await WaitReadyAsync(cancellationToken);
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a power cut for the process.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }

    private async Task WaitReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process!.HasExited)
            {
                // The exit can be seen before the last lines were read: wait for the end of both streams.
                await _process.WaitForExitAsync(cancellationToken);
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} before it was ready:\n{Log}");
            }

            try
            {
                using var response = await http.GetAsync(_readyUrl, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // slow first start
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"{Name} was not ready within 60 s:\n{Log}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            if (_log.Length < 2_000_000)
            {
                _log.AppendLine(line);
            }
        }
    }
}
