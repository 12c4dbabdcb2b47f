using MQTTnet.Formatter;
using Telehealth.Simulators.Wearables;

namespace Telehealth.Simulators.Chaos;

/// <summary>
/// The devices that keep publishing while the gateway is killed: QoS 1, kinds in turn (heart rate, SpO2, blood
/// pressure, weight, steps), MQTT 5 and 3.1.1 alternately, every third device batching several samples per message.
/// Each keeps its message until acknowledged and resends the same samples after a dropped connection. Every sample is
/// logged once when first published and once when acknowledged (<see cref="AckLog"/> format).
/// </summary>
public sealed class ChaosPublisher : IAsyncDisposable
{
    private static readonly DeviceKind[] Kinds = [DeviceKind.Wearable, DeviceKind.Oximeter, DeviceKind.BloodPressureCuff, DeviceKind.Scale, DeviceKind.StepCounter];
    private readonly AckLog _acked;
    private readonly AckLog _published;
    private readonly List<SimulatedDevice> _devices = [];
    private readonly List<string> _descriptions = [];

    public ChaosPublisher(Kill9Settings settings, int mqttPort, string ackedPath, string publishedPath, DevicePasswords passwords, TimeProvider time)
    {
        _acked = new AckLog(ackedPath);
        _published = new AckLog(publishedPath);
        for (var i = 0; i < settings.Devices; i++)
        {
            var protocol = i % 2 == 0 ? MqttProtocolVersion.V500 : MqttProtocolVersion.V311;
            var samples = i % 3 == 2 ? settings.SamplesPerMessage : 1;
            var device = new DeviceSettings("127.0.0.1", mqttPort, DeviceId(i), Kinds[i % Kinds.Length], (settings.Seed * 10_007) + i,
                protocol, settings.Rate, samples, MaxMessages: null, InvalidEvery: 0) { Password = passwords.For(DeviceId(i)) };
            _descriptions.Add($"{device.DeviceId} ({device.Kind}, MQTT {(protocol == MqttProtocolVersion.V500 ? "5" : "3.1.1")}, {samples}/msg)");
            _devices.Add(new SimulatedDevice(device, Stats, _acked, time)
            {
                PublishedLog = _published,
                MaxBackoff = TimeSpan.FromMilliseconds(200), // the gateway is back within a second or two: find it quickly
            });
        }
    }

    public PublishStats Stats { get; } = new();

    /// <summary>The ids of the devices a run with <paramref name="settings"/> publishes as (to enrol them on the gateway).</summary>
    public static IEnumerable<string> DeviceIds(Kill9Settings settings)
        => Enumerable.Range(0, settings?.Devices ?? throw new ArgumentNullException(nameof(settings))).Select(DeviceId);

    private static string DeviceId(int index) => "chaos-" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Each device: its id first, then kind, protocol and samples per message.</summary>
    public IReadOnlyList<string> Descriptions => _descriptions;

    /// <summary>Runs every device until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(_devices.Select(d => d.RunAsync(cancellationToken)));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopped
        }
    }

    public void Flush()
    {
        _published.Flush();
        _acked.Flush();
    }

    public async ValueTask DisposeAsync()
    {
        await _acked.DisposeAsync();
        await _published.DisposeAsync();
    }
}
