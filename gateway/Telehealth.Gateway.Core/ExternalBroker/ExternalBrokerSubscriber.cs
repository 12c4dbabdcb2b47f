using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Adapter;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;
using Telehealth.Gateway.Core.Identity;

namespace Telehealth.Gateway.Core.ExternalBroker;

/// <summary>
/// <c>Mqtt:Mode=External</c>: keeps one MQTT 5 connection to the external broker — a persistent session under a fixed
/// client id, subscribed with QoS 1 to every device's reading topic — and acknowledges each message only after its
/// commit (<see cref="OrderedAcknowledger"/>). MQTTnet 5 has no managed client: this loop reconnects, with exponential
/// backoff and jitter on the injected <see cref="TimeProvider"/>, a new client per connection so that no acknowledgement
/// of an old connection can reach a new one. Refusals (wrong password, not authorized, TLS) are logged with the
/// broker's reason code and retried.
/// </summary>
public sealed partial class ExternalBrokerSubscriber(
    IOptions<ExternalBrokerOptions> options,
    IOptions<GatewayOptions> gateway,
    ExternalMessageHandler handler,
    ExternalBrokerCounters counters,
    TimeProvider time,
    ILogger<ExternalBrokerSubscriber> logger) : BackgroundService
{
    private readonly MqttClientFactory _factory = new();
    private bool _connectedBefore;

    /// <summary>The client id naming the persistent session.</summary>
    public string ClientId => options.Value.ClientId ?? "telehealth-gateway-" + gateway.Value.Id;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(settings.ReconnectInitialDelaySeconds),
            TimeSpan.FromSeconds(settings.ReconnectMaxDelaySeconds), Random.Shared.NextDouble);
        LogStarting(logger, settings.Host, settings.Port, settings.UseTls, ClientId);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await RunConnectionAsync(settings, backoff, stoppingToken) is { } failure)
                {
                    counters.ConnectFailed(failure);
                    LogConnectFailed(logger, settings.Host, settings.Port, failure);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                counters.Disconnected(ex.Message);
                LogLoopFailed(logger, ex);
            }

            var delay = backoff.NextDelay();
            LogRetrying(logger, delay.TotalSeconds, backoff.Failures);
            try
            {
                await Task.Delay(delay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>One connection from CONNECT to its loss; returns why it could not connect, or null once it was connected.</summary>
    private async Task<string?> RunConnectionAsync(ExternalBrokerOptions settings, ReconnectBackoff backoff, CancellationToken stoppingToken)
    {
        MqttClientOptions clientOptions;
        try
        {
            clientOptions = ExternalBrokerConnectOptions.Build(settings, ClientId);
        }
        catch (InvalidOperationException ex)
        {
            return ex.Message;
        }

        using var client = _factory.CreateMqttClient();
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var lost = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var acknowledger = new OrderedAcknowledger(TimeSpan.FromSeconds(settings.CommitRetrySeconds), time, counters, logger, connection.Token);
        client.ApplicationMessageReceivedAsync += e => handler.OnMessageAsync(e, acknowledger);
        client.DisconnectedAsync += e =>
        {
            lost.TrySetResult(e.ClientWasConnected
                ? $"connection lost: {e.Reason}{(string.IsNullOrEmpty(e.ReasonString) ? "" : " (" + e.ReasonString + ")")}{(e.Exception is { } ex ? " " + ex.Message : "")}"
                : "not connected");
            return Task.CompletedTask;
        };

        MqttClientConnectResult result;
        try
        {
            result = await client.ConnectAsync(clientOptions, stoppingToken);
        }
        catch (MqttConnectingFailedException ex)
        {
            return "the broker refused the connection: " + Innermost(ex);
        }
        catch (Exception ex) when (ex is MqttCommunicationException or System.Net.Sockets.SocketException or System.Security.Authentication.AuthenticationException or IOException
            || (ex is OperationCanceledException && !stoppingToken.IsCancellationRequested))
        {
            return IsTlsFailure(ex)
                ? $"TLS handshake failed — the broker's certificate is not trusted or not for this name (check Mqtt:External:CaFile and TlsServerName): {Innermost(ex)}"
                : $"broker unreachable: {Innermost(ex)}";
        }

        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            return Refusal(result.ResultCode, result.ReasonString);
        }

        var subscription = await client.SubscribeAsync(_factory.CreateSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(ExternalMessageHandler.TopicFilter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .Build(), stoppingToken);
        var granted = subscription.Items.Count == 1 ? subscription.Items.First().ResultCode : MqttClientSubscribeResultCode.UnspecifiedError;
        if (granted != MqttClientSubscribeResultCode.GrantedQoS1)
        {
            // QoS 0 would mean no acknowledgement and no redelivery: refuse to run on it.
            await DisconnectQuietlyAsync(client);
            return $"the broker did not grant the QoS 1 subscription to {ExternalMessageHandler.TopicFilter}: {granted} (check the gateway user's ACL: it needs read access)";
        }

        backoff.Reset();
        counters.ConnectedNow(_connectedBefore, result.IsSessionPresent);
        LogConnected(logger, settings.Host, settings.Port, result.IsSessionPresent ? "resumed its session" : "started a new session");
        _connectedBefore = true;

        string reason;
        try
        {
            reason = await lost.Task.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            counters.Disconnected(null);
            await DisconnectQuietlyAsync(client);
            throw;
        }

        counters.Disconnected(reason);
        LogLost(logger, reason);
        return null;
    }

    private static string Refusal(MqttClientConnectResultCode code, string? reason)
        => $"the broker refused the connection: {code}{(string.IsNullOrEmpty(reason) ? "" : " (" + reason + ")")}"
            + (code is MqttClientConnectResultCode.BadUserNameOrPassword or MqttClientConnectResultCode.NotAuthorized
                ? " — check Mqtt:External:Username and the password in Mqtt:External:PasswordFile" : "");

    private static bool IsTlsFailure(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is System.Security.Authentication.AuthenticationException)
            {
                return true;
            }
        }

        return false;
    }

    private static string Innermost(Exception ex)
    {
        var messages = new List<string>();
        for (var e = ex; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        return string.Join(" → ", messages.Distinct(StringComparer.Ordinal));
    }

    private static async Task DisconnectQuietlyAsync(IMqttClient client)
    {
        if (!client.IsConnected)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), timeout.Token);
        }
        catch (Exception ex) when (ex is MqttCommunicationException or OperationCanceledException or ObjectDisposedException)
        {
            // the session stays on the broker either way
        }
    }

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information,
        Message = "MQTT mode External: subscribing at {Host}:{Port} (TLS {Tls}) as client {ClientId} with a persistent session")]
    private static partial void LogStarting(ILogger logger, string host, int port, bool tls, string clientId);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Information, Message = "Connected to the external broker {Host}:{Port}; it {Session}")]
    private static partial void LogConnected(ILogger logger, string host, int port, string session);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Error, Message = "Cannot connect to the external broker {Host}:{Port}: {Reason}")]
    private static partial void LogConnectFailed(ILogger logger, string host, int port, string reason);

    [LoggerMessage(EventId = 4113, Level = LogLevel.Warning, Message = "External broker: {Reason}; unacknowledged messages will be redelivered")]
    private static partial void LogLost(ILogger logger, string reason);

    [LoggerMessage(EventId = 4114, Level = LogLevel.Information, Message = "Reconnecting to the external broker in {Seconds:0.0} s (failed attempts in a row: {Failures})")]
    private static partial void LogRetrying(ILogger logger, double seconds, int failures);

    [LoggerMessage(EventId = 4115, Level = LogLevel.Error, Message = "External broker connection loop failed; reconnecting")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
