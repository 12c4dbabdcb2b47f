using Microsoft.Extensions.Options;
using Telehealth.Gateway.Core.Buffer;
using Telehealth.Gateway.Core.ExternalBroker;
using Telehealth.Gateway.Core.Heartbeat;
using Telehealth.Gateway.Core.Identity;
using Telehealth.Gateway.Core.Status;

namespace Telehealth.Gateway.Status;

/// <summary>The gateway's local status page: what was received, buffered, sent and refused. No readings' values.</summary>
public static class GatewayStatusApi
{
    public static IEndpointRouteBuilder MapGatewayStatus(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/status");
        group.MapGet("/", (SqliteReadingBuffer buffer, GatewayCounters counters, GatewayClock clock, IOptions<GatewayOptions> gateway, IServiceProvider services) =>
        {
            var status = buffer.GetStatus();
            return TypedResults.Ok(new GatewayStatus(
                gateway.Value.Id,
                counters.MessagesAccepted,
                counters.ReadingsAccepted,
                counters.MessagesInvalid,
                counters.MessagesRefused,
                counters.MessagesUnauthorized,
                counters.ConnectionsRefused,
                counters.BatchesSent,
                counters.ReadingsRejectedByIngest,
                counters.SendFailures,
                clock.OffsetMs,
                counters.DevicesSeen(),
                status,
                services.GetService<ExternalBrokerCounters>() is { } external ? ExternalBrokerStatus.From(external) : null));
        });
        group.MapGet("/dead-letters", (SqliteReadingBuffer buffer, int? limit) =>
            TypedResults.Ok(buffer.ReadDeadLetters(Math.Clamp(limit ?? 50, 1, 1000))
                .Select(d => new DeadLetterView(d.Id, d.AtMs, d.Source, d.DeviceId, d.Reason))));
        group.MapGet("/integrity", (SqliteReadingBuffer buffer) => TypedResults.Ok(new { result = buffer.IntegrityCheck() }));
        return app;
    }
}
