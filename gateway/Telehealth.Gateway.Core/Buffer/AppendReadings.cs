using Telehealth.Gateway.Core.Readings;

namespace Telehealth.Gateway.Core.Buffer;

/// <summary>Appends readings to the log.</summary>
internal sealed class AppendReadings(IReadOnlyList<DeviceReading> readings) : PendingWrite
{
    public override int Rows => readings.Count;

    public override void Apply(BufferCommands commands)
    {
        foreach (var reading in readings)
        {
            commands.InsertReading(reading);
        }
    }

    public override void Committed(BufferCounters counters) => counters.AddReadings(readings.Count);
}
