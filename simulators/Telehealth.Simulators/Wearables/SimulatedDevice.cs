using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace Telehealth.Simulators.Wearables;

/// <summary>
/// One device publishing readings with QoS 1, as a careful real device would: it keeps a message until the gateway
/// acknowledges it, resends after a dropped connection or a back-pressure refusal (same timestamps, so a resend maps
/// to the same point), and drops only what the gateway refused as invalid.
/// </summary>
public sealed class SimulatedDevice(DeviceSettings settings, PublishStats stats, AckLog ackLog, TimeProvider time)
{
    /// <summary>Called after each acknowledged message with its sample count and when it was first published (timestamp ticks).</summary>
    public Action<int, long>? Acknowledged { get; init; }

    /// <summary>When set, every valid sample is recorded here once, before its message is first published.</summary>
    public AckLog? PublishedLog { get; init; }

    /// <summary>The longest pause between attempts to resend one message (doubling from 50 ms). Default 2 s.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(2);

    private readonly ReadingGenerator _generator = new(settings.Kind, settings.Seed);
    private long _lastTimeMs;

    /// <summary>
    /// How long a message already in flight may still take to be answered after <c>RunAsync</c>'s token fired. A careful
    /// device stops starting new messages but does not abandon one the gateway may be committing. Default 5 s.
    /// </summary>
    public TimeSpan InFlightGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Publishes until the message limit, or until <paramref name="cancellationToken"/> stops new messages.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var abort = new CancellationTokenSource();
        using var stopping = cancellationToken.Register(() => abort.CancelAfter(InFlightGrace));
        using var client = new MqttClientFactory().CreateMqttClient();
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(settings.Host, settings.Port)
            .WithClientId(settings.DeviceId)
            .WithProtocolVersion(settings.Protocol)
            .WithCleanSession(true)
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (settings.Password is { } password)
        {
            builder = builder.WithCredentials(settings.DeviceId, password);
        }

        var options = builder.Build();
        var topic = $"telehealth/v1/devices/{settings.DeviceId}/readings";
        var interval = settings.MessagesPerSecond > 0 ? TimeSpan.FromSeconds(1 / settings.MessagesPerSecond) : TimeSpan.Zero;
        var next = time.GetTimestamp();
        for (long n = 1; settings.MaxMessages is null || n <= settings.MaxMessages; n++)
        {
            if (interval > TimeSpan.Zero)
            {
                next += (long)(interval.TotalSeconds * time.TimestampFrequency);
                var wait = time.GetElapsedTime(time.GetTimestamp(), next);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, cancellationToken);
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            var invalid = settings.InvalidEvery > 0 && n % settings.InvalidEvery == 0;
            var samples = NextSamples(invalid ? 1 : settings.SamplesPerMessage);
            var payload = invalid ? _generator.InvalidPayload(samples[0].TimeMs) : _generator.Payload(samples);
            if (!invalid)
            {
                PublishedLog?.Record(settings.DeviceId, _generator.Metric, samples);
            }

            var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
            await PublishUntilAnsweredAsync(client, options, message, samples, abort.Token);
        }
    }

    private async Task PublishUntilAnsweredAsync(
        IMqttClient client,
        MqttClientOptions options,
        MqttApplicationMessage message,
        (long TimeMs, IReadOnlyList<KeyValuePair<string, double>> Values)[] samples,
        CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromMilliseconds(50);
        var firstPublished = time.GetTimestamp();
        while (true)
        {
            try
            {
                if (!client.IsConnected)
                {
                    var connected = await client.ConnectAsync(options, cancellationToken);
                    if (connected.ResultCode != MqttClientConnectResultCode.Success)
                    {
                        throw new InvalidOperationException($"connect refused: {connected.ResultCode} {connected.ReasonString}");
                    }
                }

                stats.AddPublished(samples.Length);
                var result = await client.PublishAsync(message, cancellationToken);
                switch (result.ReasonCode)
                {
                    case MqttClientPublishReasonCode.Success or MqttClientPublishReasonCode.NoMatchingSubscribers:
                        stats.AddAcked(samples.Length);
                        ackLog.Record(settings.DeviceId, _generator.Metric, samples);
                        Acknowledged?.Invoke(samples.Length, firstPublished);
                        return;
                    case MqttClientPublishReasonCode.PayloadFormatInvalid or MqttClientPublishReasonCode.TopicNameInvalid:
                        stats.AddInvalid(samples.Length);
                        return;
                    default:
                        stats.AddRefused(); // back-pressure or a failed commit: keep the message and try again
                        break;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                stats.AddError();
                await DisconnectQuietlyAsync(client);
            }

            await Task.Delay(backoff, time, cancellationToken);
            backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, backoff.Ticks * 2));
        }
    }

    /// <summary>Drops a connection that failed; the gateway may have vanished meanwhile (broken pipe), which is fine.</summary>
    private static async Task DisconnectQuietlyAsync(IMqttClient client)
    {
        try
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is MqttCommunicationException or InvalidOperationException or ObjectDisposedException)
        {
            // the connection is gone either way; the next attempt reconnects
        }
    }

    private (long TimeMs, IReadOnlyList<KeyValuePair<string, double>> Values)[] NextSamples(int count)
    {
        var samples = new (long, IReadOnlyList<KeyValuePair<string, double>>)[count];
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        for (var i = 0; i < count; i++)
        {
            _lastTimeMs = Math.Max(_lastTimeMs + 1, now - count + 1 + i); // strictly increasing per device: unique point keys
            samples[i] = (_lastTimeMs, _generator.Next());
        }

        return samples;
    }
}
