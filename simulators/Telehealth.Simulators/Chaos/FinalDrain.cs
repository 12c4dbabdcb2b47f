using System.Globalization;

namespace Telehealth.Simulators.Chaos;

/// <summary>
/// After the last kill: starts the gateway once more, waits until its buffer is empty (everything forwarded), asks it
/// for <c>PRAGMA integrity_check</c>, stops it with SIGTERM, checks the file with sqlite3, and looks for buffer files
/// the gateway moved aside as corrupt at some start.
/// </summary>
public sealed class FinalDrain(Kill9Settings settings, GatewayProcess gateway, GatewayStatusClient status, TimeProvider time, TextWriter output)
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Whether the buffer drained, and "ok" or what failed for the buffer's integrity.</summary>
    public async Task<(bool Drained, string Integrity)> RunAsync(string bufferPath, CancellationToken cancellationToken)
    {
        gateway.Start("final start: drain the buffer");
        var spawned = time.GetTimestamp();
        if (!await status.WaitUntilAnsweringAsync(gateway, ReadyTimeout, time, cancellationToken))
        {
            await Console.Error.WriteLineAsync($"error: the gateway did not start after the last kill; its last lines:\n{gateway.Tail}");
            await gateway.KillAsync();
            return (false, "not checked: the gateway did not start after the last kill");
        }

        long? buffered = null;
        while (time.GetElapsedTime(spawned) < settings.DrainTimeout && !gateway.HasExited)
        {
            buffered = await status.TryGetBufferedAsync(cancellationToken);
            if (buffered == 0)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), time, cancellationToken);
        }

        var drained = buffered == 0;
        var left = buffered?.ToString(CultureInfo.InvariantCulture) ?? "no answer";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"final gateway: buffer.readings={left} {time.GetElapsedTime(spawned).TotalSeconds:0.0} s after its start{(drained ? "" : " — NOT DRAINED")}"));
        var live = gateway.HasExited ? "not checked: the gateway ended" : await status.IntegrityAsync(cancellationToken);
        await gateway.StopAsync(TimeSpan.FromSeconds(15));
        var file = await BufferFileCheck.IntegrityAsync(bufferPath, cancellationToken);
        var movedAside = Directory.GetFiles(Path.GetDirectoryName(bufferPath)!, Path.GetFileName(bufferPath) + ".corrupt-*").Length;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"buffer checks: live /status/integrity={live}; file after stop (sqlite3)={file}; corrupt files moved aside during the run={movedAside}"));
        var integrity = movedAside > 0 ? string.Create(CultureInfo.InvariantCulture, $"corrupt ({movedAside} buffer files moved aside)")
            : live == "ok" && file == "ok" ? "ok"
            : $"failed (live: {live}; file: {file})";
        return (drained, integrity);
    }
}
