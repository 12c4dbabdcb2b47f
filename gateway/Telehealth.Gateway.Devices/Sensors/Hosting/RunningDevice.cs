using Telehealth.Gateway.Devices.Sensors.Polling;
using Telehealth.Gateway.Devices.Sensors.Session;

namespace Telehealth.Gateway.Devices.Sensors.Hosting;

/// <summary>A planned device with what runs it: a polled sensor, the session control, or nothing (unavailable, or an output pin).</summary>
internal sealed record RunningDevice(PlannedDevice Plan, PolledSensor? Sensor, SessionControlService? Session, string? Unavailable)
{
    public SensorDeviceStatus Status(CountingReadingSink sink)
    {
        var appended = sink.AppendedFor(Plan.Id);
        if (Sensor is { } sensor)
        {
            var health = sensor.Health;
            var state = health.ConsecutiveErrors > 0 ? "failing" : sensor.IsOpen ? "running" : "starting";
            return new SensorDeviceStatus(Plan.Id, Plan.Kind, Plan.Bus, Plan.Wiring, state, health.Samples, health.BusErrors,
                health.NotReady, health.SinkErrors, health.Opens, appended, health.LastError);
        }

        var presses = Session?.PressesHandled ?? 0;
        return new SensorDeviceStatus(Plan.Id, Plan.Kind, Plan.Bus, Plan.Wiring, Unavailable is null ? "running" : "unavailable",
            presses, Unavailable is null ? 0 : 1, 0, 0, Unavailable is null ? 1 : 0, appended, Unavailable);
    }
}
