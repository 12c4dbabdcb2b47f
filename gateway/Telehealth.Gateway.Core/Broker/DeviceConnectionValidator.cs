using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet.Protocol;
using MQTTnet.Server;
using Telehealth.Gateway.Core.Contract;
using Telehealth.Gateway.Core.Devices;
using Telehealth.Gateway.Core.Status;

namespace Telehealth.Gateway.Core.Broker;

/// <summary>
/// The broker's ValidatingConnectionAsync handler: with <see cref="BrokerOptions.RequireDeviceCredentials"/> a client
/// must log in as an enrolled device (username = client id = device id, its password); refusals are counted and logged
/// as security events (client id and remote endpoint, never the password).
/// </summary>
public sealed partial class DeviceConnectionValidator(
    DeviceRegistry registry,
    IOptions<BrokerOptions> options,
    GatewayCounters counters,
    ILogger<DeviceConnectionValidator> logger)
{
    /// <summary>The reason code to answer a CONNECT with; <see cref="MqttConnectReasonCode.Success"/> lets it in.</summary>
    public MqttConnectReasonCode Decide(string clientId, string? username, ReadOnlySpan<byte> password, bool passwordGiven)
    {
        if (!options.Value.RequireDeviceCredentials)
        {
            return MqttConnectReasonCode.Success;
        }

        if (!ReadingTopic.IsValidDeviceId(clientId))
        {
            return MqttConnectReasonCode.ClientIdentifierNotValid;
        }

        return registry.CheckMqtt(username, password, passwordGiven) switch
        {
            CredentialCheck.Accepted when string.Equals(username, clientId, StringComparison.Ordinal) => MqttConnectReasonCode.Success,
            CredentialCheck.Accepted => MqttConnectReasonCode.NotAuthorized, // a real device's login, but another client id
            _ => MqttConnectReasonCode.BadUserNameOrPassword,
        };
    }

    /// <summary>The broker's ValidatingConnectionAsync handler.</summary>
    public Task OnValidatingConnectionAsync(ValidatingConnectionEventArgs e)
    {
        ArgumentNullException.ThrowIfNull(e);
        ReadingPublishHandler.RememberProtocol(e);
        var password = e.RawPassword;
        var code = Decide(e.ClientId, e.UserName, password, password is not null);
        if (code != MqttConnectReasonCode.Success)
        {
            e.ReasonCode = code;
            counters.ConnectionRefused();
            LogRefused(logger, Printable(e.ClientId), Printable(e.UserName), e.RemoteEndPoint?.ToString() ?? "unknown", code);
        }

        return Task.CompletedTask;
    }

    /// <summary>Only the shape of a device id goes into the log; anything else a client sends is replaced.</summary>
    private static string Printable(string? id) => id is null ? "(none)" : ReadingTopic.IsValidDeviceId(id) ? id : "(not a device id)";

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning,
        Message = "Security: refused MQTT connection of client {ClientId} (username {Username}) from {RemoteEndPoint}: {ReasonCode}")]
    private static partial void LogRefused(ILogger logger, string clientId, string username, string remoteEndPoint, MqttConnectReasonCode reasonCode);
}
