using System.Globalization;

namespace Telehealth.Simulators.Chaos;

/// <summary>
/// One kill cycle after another: start the gateway, let it live a seeded random while, SIGKILL it. Most gateways are
/// killed 0.3–1.5 s after their status page first answered (committing and forwarding by then); a share is killed at
/// a random moment counted from the process start, mostly before it answers (opening the buffer, starting the broker).
/// </summary>
public sealed class KillCycles(Kill9Settings settings, GatewayProcess gateway, GatewayStatusClient status, TimeProvider time)
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private readonly Random _random = new(settings.Seed);

    /// <summary>Kills before the status page answered.</summary>
    public int InStartup { get; private set; }

    /// <summary>Kills of a gateway that answered.</summary>
    public int Running { get; private set; }

    /// <summary>Kills while the buffer held readings not yet forwarded (as <c>/status</c> said just before).</summary>
    public int WithUnforwarded { get; private set; }

    /// <summary>Gateway processes that ended although nobody killed them (a crash, a refused start) or never answered.</summary>
    public int Failed { get; private set; }

    /// <summary>Runs cycle <paramref name="cycle"/>; returns what happened, for the progress line.</summary>
    public async Task<string> RunAsync(int cycle, CancellationToken cancellationToken)
    {
        var life = settings.MinLife + ((settings.MaxLife - settings.MinLife) * _random.NextDouble());
        var inStartup = _random.NextDouble() < settings.StartupKillShare;
        gateway.Start($"cycle {cycle}/{settings.Cycles}");
        var spawned = time.GetTimestamp();
        string what;
        if (inStartup)
        {
            var killAt = life * _random.NextDouble();
            var answered = await status.WaitUntilAnsweringAsync(gateway, killAt, time, cancellationToken);
            var rest = killAt - time.GetElapsedTime(spawned);
            if (rest > TimeSpan.Zero)
            {
                await Task.Delay(rest, time, cancellationToken);
            }

            what = string.Create(CultureInfo.InvariantCulture, $"killed {killAt.TotalSeconds:0.00} s after its start");
            if (!answered)
            {
                return await KillAsync(what + " (during start-up)", unforwarded: null, inStartup: true);
            }
        }
        else
        {
            if (!await status.WaitUntilAnsweringAsync(gateway, ReadyTimeout, time, cancellationToken))
            {
                return await FailedAsync();
            }

            await Task.Delay(life, time, cancellationToken);
            what = string.Create(CultureInfo.InvariantCulture, $"killed {life.TotalSeconds:0.00} s after it answered");
        }

        return await KillAsync(what, await status.TryGetBufferedAsync(cancellationToken), inStartup: false);
    }

    private async Task<string> KillAsync(string what, long? unforwarded, bool inStartup)
    {
        if (gateway.HasExited)
        {
            return await FailedAsync();
        }

        await gateway.KillAsync();
        InStartup += inStartup ? 1 : 0;
        Running += inStartup ? 0 : 1;
        WithUnforwarded += unforwarded > 0 ? 1 : 0;

        return unforwarded is { } readings
            ? string.Create(CultureInfo.InvariantCulture, $"{what} (running, {readings} readings not yet forwarded)")
            : what;
    }

    private async Task<string> FailedAsync()
    {
        Failed++;
        var what = gateway.HasExited
            ? $"GATEWAY ENDED BY ITSELF with exit code {gateway.ExitCode?.ToString(CultureInfo.InvariantCulture)}"
            : $"GATEWAY DID NOT ANSWER within {ReadyTimeout.TotalSeconds} s: killed";
        await gateway.KillAsync();
        await Console.Error.WriteLineAsync($"warning: {what}; its last lines:\n{gateway.Tail}");
        return what + " (see gateway.log)";
    }
}
