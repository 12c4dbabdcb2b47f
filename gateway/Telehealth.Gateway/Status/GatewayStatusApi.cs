using Microsoft.Extensions.Options;
using Telehealth.Gateway.Core.Buffer;
using Telehealth.Gateway.Core.ExternalBroker;
using Telehealth.Gateway.Core.Heartbeat;
using Telehealth.Gateway.Core.Identity;
using Telehealth.Gateway.Core.Status;
using Telehealth.Gateway.Devices.Ble.Adapter;
using Telehealth.Gateway.Devices.Sensors.Hosting;

namespace Telehealth.Gateway.Status;

/// <summary>The gateway's local status page: what was received, buffered, sent and refused. No readings' values.</summary>
public static class GatewayStatusApi
{
    public static IEndpointRouteBuilder MapGatewayStatus(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/status");
        group.MapGet("/", (SqliteReadingBuffer buffer, GatewayCounters counters, GatewayClock clock, IOptions<GatewayOptions> gateway,
            BleCounters ble, SensorHostService sensors, IServiceProvider services) =>
        {
            var status = buffer.GetStatus();
            var devicesSeen = counters.DevicesSeen();
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
                devicesSeen,
                status,
                new AdapterStatus(
                    new MqttAdapterStatus(counters.MessagesAccepted, counters.ReadingsAccepted, counters.MessagesInvalid,
                        counters.MessagesRefused, counters.MessagesUnauthorized, counters.ConnectionsRefused, devicesSeen.Count),
                    new BleAdapterStatus(ble.EnrolledDevicesSeen, ble.ConnectedNow, ble.UnknownDevicesIgnored, ble.Connections,
                        ble.Reconnects, ble.Notifications, ble.DecodedValues, ble.MalformedValues, ble.ReadingsStored,
                        ble.SinkRefusals, ble.StoredRecordRequests, ble.StoredRecordsFetched),
                    sensors.GetStatus()),
                services.GetService<ExternalBrokerCounters>() is { } external ? ExternalBrokerStatus.From(external) : null));
        });
        group.MapGet("/dead-letters", (SqliteReadingBuffer buffer, int? limit) =>
            TypedResults.Ok(buffer.ReadDeadLetters(Math.Clamp(limit ?? 50, 1, 1000))
                .Select(d => new DeadLetterView(d.Id, d.AtMs, d.Source, d.DeviceId, d.Reason))));
        group.MapGet("/integrity", (SqliteReadingBuffer buffer) => TypedResults.Ok(new { result = buffer.IntegrityCheck() }));
        return app;
    }
}
