using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Telehealth.Gateway.Core.Broker;
using Telehealth.Gateway.Core.Buffer;
using Telehealth.Gateway.Core.Devices;
using Telehealth.Gateway.Core.Enrolment;
using Telehealth.Gateway.Core.ExternalBroker;
using Telehealth.Gateway.Core.Forwarding;
using Telehealth.Gateway.Core.Heartbeat;
using Telehealth.Gateway.Core.Identity;
using Telehealth.Gateway.Core.Readings;
using Telehealth.Gateway.Core.Status;

namespace Telehealth.Gateway.Core;

/// <summary>One <c>Add…</c> per gateway feature; each registers its options (validated at start) and services.</summary>
public static class GatewayCoreExtensions
{
    /// <summary>Who the gateway is (section Gateway).</summary>
    public static IHostApplicationBuilder AddGatewayIdentity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GatewayOptions>().Bind(builder.Configuration.GetSection(GatewayOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<GatewayCounters>();
        builder.Services.AddSingleton<GatewayClock>();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>The durable SQLite buffer (section Buffer), also registered as the <see cref="IReadingSink"/> adapters use.</summary>
    public static IHostApplicationBuilder AddReadingBuffer(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BufferOptions>().Bind(builder.Configuration.GetSection(BufferOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<SqliteReadingBuffer>();
        builder.Services.AddSingleton<IReadingSink>(sp => sp.GetRequiredService<SqliteReadingBuffer>());
        return builder;
    }

    /// <summary>The enrolled devices and their credentials (section Devices).</summary>
    public static IHostApplicationBuilder AddDeviceRegistry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DevicesOptions>().Bind(builder.Configuration.GetSection(DevicesOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<DeviceRegistry>();
        return builder;
    }

    /// <summary>
    /// MQTT devices, the way <c>Mqtt:Mode</c> says: <c>Embedded</c> (default) hosts the broker; <c>External</c> subscribes
    /// to an existing one (section Mqtt:External). A wrong mode stops the gateway naming the key.
    /// </summary>
    public static IHostApplicationBuilder AddMqttDevices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return MqttModeSelection.Read(builder.Configuration) == MqttMode.External ? builder.AddExternalBroker() : builder.AddEmbeddedBroker();
    }

    /// <summary>The subscriber to an external broker (section Mqtt:External) that acknowledges each message only after the commit.</summary>
    public static IHostApplicationBuilder AddExternalBroker(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ExternalBrokerOptions>().Bind(builder.Configuration.GetSection(ExternalBrokerOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ExternalBrokerCounters>();
        builder.Services.AddSingleton<ExternalMessageHandler>();
        builder.Services.AddHostedService<ExternalBrokerSubscriber>();
        return builder;
    }

    /// <summary>The embedded MQTT broker (section Mqtt) whose PUBACK means "committed"; devices log in against the registry.</summary>
    public static IHostApplicationBuilder AddEmbeddedBroker(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BrokerOptions>().Bind(builder.Configuration.GetSection(BrokerOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ReadingPublishHandler>();
        builder.Services.AddSingleton<DeviceConnectionValidator>();
        builder.Services.AddHostedService<EmbeddedBroker>();
        return builder;
    }

    /// <summary>The forwarder to cloud-ingest (section Forwarder), with retries, backoff and jitter from the standard resilience handler.</summary>
    public static IHostApplicationBuilder AddForwarder(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ForwarderOptions>().Bind(builder.Configuration.GetSection(ForwarderOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpClient<IngestClient>((sp, http) =>
            {
                http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<ForwarderOptions>>().Value.IngestUrl);
                http.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline owns the timeouts
            })
            .ConfigurePrimaryHttpMessageHandler(sp => IngestTls.CreateHandler(sp.GetRequiredService<IOptions<ForwarderOptions>>().Value))
            .AddStandardResilienceHandler(resilience =>
            {
                resilience.Retry.MaxRetryAttempts = 4;
                resilience.Retry.Delay = TimeSpan.FromMilliseconds(200);
                resilience.Retry.BackoffType = Polly.DelayBackoffType.Exponential;
                resilience.Retry.UseJitter = true;
                resilience.AttemptTimeout.Timeout = TimeSpan.FromSeconds(15);
                resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(30);
                resilience.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(60);
            });
        builder.Services.AddSingleton<GatewaySecret>();
        builder.Services.AddHttpClient(SelfEnrolmentService.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30));
        builder.Services.AddHostedService<SelfEnrolmentService>();
        builder.Services.AddHostedService<ForwarderService>();
        builder.Services.AddHostedService<HeartbeatService>();
        return builder;
    }
}
