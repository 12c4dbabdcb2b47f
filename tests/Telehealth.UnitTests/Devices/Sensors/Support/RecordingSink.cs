using Telehealth.Gateway.Core.Readings;

namespace Telehealth.UnitTests.Devices.Sensors.Support;

/// <summary>A buffer that keeps what it committed and can be told to refuse (full).</summary>
public sealed class RecordingSink : IReadingSink
{
    private readonly object _gate = new();
    private readonly List<DeviceReading> _readings = [];

    /// <summary>While true, appends throw <see cref="BufferUnavailableException"/> as a full buffer does.</summary>
    public bool Refuse { get; set; }

    public int Appends { get; private set; }

    public IReadOnlyList<DeviceReading> Readings
    {
        get
        {
            lock (_gate)
            {
                return [.. _readings];
            }
        }
    }

    public ValueTask AppendAsync(IReadOnlyList<DeviceReading> readings, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Refuse)
        {
            throw new BufferUnavailableException("buffer full") { QuotaExceeded = true };
        }

        lock (_gate)
        {
            Appends++;
            _readings.AddRange(readings);
        }

        return ValueTask.CompletedTask;
    }

    public DeviceReading Only(string metric) => Assert.Single(Readings, r => r.Metric == metric);

    public double Value(string metric) => Only(metric).Values["value"];
}
