using MQTTnet.Formatter;
using Telehealth.Simulators.Wearables;

namespace Telehealth.Simulators.Bench.Buffer;

/// <summary>
/// Simulated MQTT 5 devices publishing with QoS 1, each waiting for its PUBACK before the next message
/// (<see cref="SimulatedDevice"/>): as fast as acknowledged when <paramref name="messagesPerSecond"/> is 0.
/// </summary>
public sealed class PublishLoad(
    int port, string devicePrefix, DeviceKind kind, int devices, int samplesPerMessage, double messagesPerSecond, long? messagesPerDevice, TimeProvider time)
{
    public PublishStats Stats { get; } = new();

    /// <summary>The devices' passwords (enrolled on the gateway); <see cref="DevicePasswords.None"/> for an anonymous broker.</summary>
    public DevicePasswords Passwords { get; init; } = DevicePasswords.None;

    /// <summary>Called after each acknowledged message with its sample count and when it was first published (timestamp ticks).</summary>
    public Action<int, long>? Acknowledged { get; init; }

    /// <summary>Runs until every device sent <c>messagesPerDevice</c> messages, or until cancelled (a normal end).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var ackLog = new AckLog(null);
        var tasks = Enumerable.Range(0, devices).Select(i =>
        {
            var id = $"{devicePrefix}{i + 1}";
            var settings = new DeviceSettings("127.0.0.1", port, id, kind, i + 1, MqttProtocolVersion.V500,
                messagesPerSecond, samplesPerMessage, messagesPerDevice, 0) { Password = Passwords.For(id) };
            return new SimulatedDevice(settings, Stats, ackLog, time) { Acknowledged = Acknowledged }.RunAsync(cancellationToken);
        }).ToList();
        try
        {
            await Task.WhenAll(tasks);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // the measurement window ended
        }
    }

    /// <summary>
    /// Publishes as fast as acknowledged; counts acknowledged readings over <paramref name="window"/> after
    /// <paramref name="warmUp"/> (connects, JIT and the first commits are not measured).
    /// </summary>
    public async Task<RateMeasurement> MeasureAsync(
        TimeSpan warmUp, TimeSpan window, IReadOnlyList<(string Name, int Pid)> processes, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = RunAsync(stop.Token);
        await Task.Delay(warmUp, time, cancellationToken);
        var from = Stats.Acked;
        var cpu = new CpuWindow(processes, time);
        var started = time.GetTimestamp();
        await Task.Delay(window, time, cancellationToken);
        var count = Stats.Acked - from;
        var seconds = time.GetElapsedTime(started).TotalSeconds;
        var cpuUse = cpu.Describe(count);
        var (errors, refused, invalid) = (Stats.Errors, Stats.Refused, Stats.Invalid); // cancelling may break publishes in flight
        await stop.CancelAsync();
        await running;
        if (errors > 0 || refused > 0 || invalid > 0)
        {
            throw new InvalidOperationException(
                $"{devicePrefix}*: {errors} connection errors, {refused} refusals, {invalid} invalid during the measurement");
        }

        return new RateMeasurement(count, seconds, cpuUse);
    }
}
