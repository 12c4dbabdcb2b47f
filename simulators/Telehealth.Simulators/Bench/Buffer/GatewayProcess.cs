using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Telehealth.Simulators.Bench.Buffer;

/// <summary>
/// A real gateway process (<c>dotnet Telehealth.Gateway.dll</c>) on free loopback ports, configured through
/// environment variables; its output goes to <c>NAME.log</c> in the work directory.
/// </summary>
public sealed class GatewayProcess : IDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stopSampling = new();
    private readonly Lock _memoryLock = new();
    private readonly Task _sampling;
    private long _peakRssKiB;
    private ProcessMemory? _largest;

    private GatewayProcess(Process process, HttpClient http, Uri statusUrl, int mqttPort, string logPath, TimeProvider time)
    {
        _process = process;
        _http = http;
        StatusUrl = statusUrl;
        MqttPort = mqttPort;
        LogPath = logPath;
        _sampling = SampleMemoryAsync(time, _stopSampling.Token);
    }

    /// <summary>The memory sample with the largest RSS (every 100 ms while the gateway runs), for the report.</summary>
    public ProcessMemory? LargestMemorySample
    {
        get
        {
            lock (_memoryLock)
            {
                return _largest is null ? null : _largest with { PeakRssKiB = _peakRssKiB };
            }
        }
    }

    public Uri StatusUrl { get; }

    public int MqttPort { get; }

    public string LogPath { get; }

    public int Pid => _process.Id;

    /// <summary>Starts the gateway and waits until its status page answers.</summary>
    public static async Task<GatewayProcess> StartAsync(
        GatewayLaunch launch, string name, string bufferPath, bool forwarding, HttpClient http, TimeProvider time, CancellationToken cancellationToken)
    {
        var mqttPort = FreePort.Next();
        var statusPort = FreePort.Next();
        var log = Path.Combine(launch.WorkDirectory, name + ".log");
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec dotnet \"$0\" >\"$1\" 2>&1"); // exec: the pid is the gateway's own
        start.ArgumentList.Add(launch.GatewayDll);
        start.ArgumentList.Add(log);
        var env = start.Environment;
        env["Urls"] = $"http://127.0.0.1:{statusPort.ToString(CultureInfo.InvariantCulture)}";
        env["Gateway__Id"] = launch.GatewayId;
        env["Gateway__PatientId"] = launch.PatientId;
        env["Mqtt__Port"] = mqttPort.ToString(CultureInfo.InvariantCulture);
        env["Buffer__Path"] = bufferPath;
        env["Buffer__Synchronous"] = "Full";
        env["Forwarder__IngestUrl"] = launch.IngestUrl.ToString();
        env["Forwarder__SecretFile"] = launch.SecretFile;
        env["Forwarder__Enabled"] = forwarding ? "true" : "false";
        env["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in launch.Enrolment.Concat(launch.DeployedEnvironment).Concat(launch.ExtraEnvironment))
        {
            env[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the gateway");
        var gateway = new GatewayProcess(process, http, new Uri($"http://127.0.0.1:{statusPort.ToString(CultureInfo.InvariantCulture)}/status"), mqttPort, log, time);
        try
        {
            await gateway.WaitReadyAsync(time, cancellationToken);
        }
        catch
        {
            await gateway.StopAsync();
            gateway.Dispose();
            throw;
        }

        return gateway;
    }

    /// <summary>The buffer's waiting readings (<c>GET /status</c> → <c>buffer.readings</c>).</summary>
    public async Task<long> BufferedReadingsAsync(CancellationToken cancellationToken)
    {
        await using var body = await _http.GetStreamAsync(StatusUrl, cancellationToken);
        using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        return json.RootElement.GetProperty("buffer").GetProperty("readings").GetInt64();
    }

    /// <summary>Peak RSS of the process so far in KiB (kept after the process ended).</summary>
    public long PeakRssKiB()
    {
        lock (_memoryLock)
        {
            if (!_process.HasExited && ProcessMemory.Read(_process.Id) is { } now)
            {
                _peakRssKiB = Math.Max(_peakRssKiB, now.PeakRssKiB);
                if (_largest is null || now.RssKiB > _largest.RssKiB)
                {
                    _largest = now;
                }
            }

            return _peakRssKiB;
        }
    }

    /// <summary>Records the peak RSS, then stops the gateway with SIGTERM (SIGKILL after 30 s).</summary>
    public async Task StopAsync()
    {
        PeakRssKiB();
        await _stopSampling.CancelAsync();
        await _sampling;
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(CancellationToken.None);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
            await _process.WaitForExitAsync(CancellationToken.None);
        }
    }

    public void Dispose()
    {
        _stopSampling.Dispose();
        _process.Dispose();
    }

    private async Task SampleMemoryAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100), time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                PeakRssKiB();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopped
        }
    }

    private async Task WaitReadyAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the gateway exited with code {_process.ExitCode}; see {LogPath}");
            }

            try
            {
                await BufferedReadingsAsync(cancellationToken);
                return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            if (time.GetElapsedTime(started) > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException($"the gateway's status page did not answer within 2 minutes; see {LogPath}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken);
        }
    }
}
