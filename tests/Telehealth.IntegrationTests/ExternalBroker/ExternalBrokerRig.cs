using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Telehealth.IntegrationTests.Fixtures;

namespace Telehealth.IntegrationTests.ExternalBroker;

/// <summary>
/// A real mosquitto (<see cref="MosquittoServer"/>) plus the whole pipeline (influxd, ingest, gateway processes) with the
/// gateway in <c>Mqtt:Mode=External</c>, subscribed to that mosquitto as <see cref="MosquittoServer.GatewayUser"/>.
/// Simulated devices publish to mosquitto, never to the gateway.
/// </summary>
internal sealed class ExternalBrokerRig : IAsyncDisposable
{
    private ExternalBrokerRig(MosquittoServer broker, Fixtures.Pipeline pipeline, string devicePasswordPrefix)
    {
        Broker = broker;
        Pipeline = pipeline;
        DevicePasswordPrefix = devicePasswordPrefix;
    }

    public MosquittoServer Broker { get; }

    public Fixtures.Pipeline Pipeline { get; }

    /// <summary>A device's password on mosquitto is this prefix + its id.</summary>
    public string DevicePasswordPrefix { get; }

    /// <summary>
    /// Starts mosquitto, then the pipeline with the gateway subscribed to it (plain listener, right password) unless
    /// <paramref name="adjust"/> changes the gateway's settings (given the broker, to point at its TLS port or files).
    /// </summary>
    public static async Task<ExternalBrokerRig> StartAsync(CancellationToken cancellationToken, Action<MosquittoServer, Dictionary<string, string>>? adjust = null)
    {
        var prefix = "dev-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) + "-";
        var broker = await MosquittoServer.StartAsync(Fixtures.Pipeline.EnrolledDevices, id => prefix + id, cancellationToken);
        try
        {
            var settings = new Dictionary<string, string>
            {
                ["Mqtt__Mode"] = "External",
                ["Mqtt__External__Host"] = "127.0.0.1",
                ["Mqtt__External__Port"] = broker.Port.ToString(CultureInfo.InvariantCulture),
                ["Mqtt__External__Username"] = MosquittoServer.GatewayUser,
                ["Mqtt__External__PasswordFile"] = broker.GatewayPasswordFile,
                ["Mqtt__External__ReconnectInitialDelaySeconds"] = "0.2",
                ["Mqtt__External__ReconnectMaxDelaySeconds"] = "1",
                ["Mqtt__External__CommitRetrySeconds"] = "0.2",
            };
            adjust?.Invoke(broker, settings);
            var pipeline = await Fixtures.Pipeline.StartAsync(settings, cancellationToken: cancellationToken);
            return new ExternalBrokerRig(broker, pipeline, prefix);
        }
        catch
        {
            await broker.DisposeAsync();
            throw;
        }
    }

    /// <summary>The gateway's <c>mqttExternal</c> counters.</summary>
    public async Task<JsonElement> ExternalStatusAsync(CancellationToken cancellationToken)
        => (await Pipeline.GatewayStatusAsync(cancellationToken)).GetProperty("mqttExternal");

    /// <summary>Polls the gateway's <c>mqttExternal</c> counters until <paramref name="condition"/> holds (60 s at most).</summary>
    public Task WaitForAsync(Func<JsonElement, bool> condition, string what, CancellationToken cancellationToken)
        => Pipeline.WaitForGatewayAsync(s => condition(s.GetProperty("mqttExternal")), what + "\nmosquitto:\n" + Broker.Output, cancellationToken);

    /// <summary>Waits until the gateway is connected and subscribed.</summary>
    public Task WaitConnectedAsync(CancellationToken cancellationToken)
        => WaitForAsync(s => s.GetProperty("connected").GetBoolean(), "connected to mosquitto", cancellationToken);

    /// <summary>Runs <c>telehealth-sim wearables</c> against mosquitto's plain listener; returns its last stdout line.</summary>
    public async Task<string> RunDevicesAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { RepoPaths.SimulatorDll, "wearables", "--broker", $"127.0.0.1:{Broker.Port}", "--password-prefix", DevicePasswordPrefix }.Concat(arguments))
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the simulator");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        var output = await stdout;
        return process.ExitCode == 0
            ? output.TrimEnd().Split('\n')[^1]
            : throw new InvalidOperationException($"simulator exited {process.ExitCode}: {output} {await stderr}");
    }

    public async ValueTask DisposeAsync()
    {
        await Pipeline.DisposeAsync();
        await Broker.DisposeAsync();
    }
}
