using Telehealth.Gateway.Core.Readings;
using Telehealth.Gateway.Devices.Analytics;
using Telehealth.Gateway.Devices.Sensors.Hosting;
using Telehealth.UnitTests.Devices.Sensors.Support;

namespace Telehealth.UnitTests.Devices.Sensors.Hosting;

public sealed class CountingReadingSinkTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private static DeviceReading Reading(string device, string metric = CatalogReadings.BodyTemperature)
        => CatalogReadings.Create(device, metric, 36.6, Now, Now);

    [Fact]
    public async Task AppendAsync_Committed_CountsPerDeviceAndPassesReadingsOn()
    {
        var inner = new RecordingSink();
        var sink = new CountingReadingSink(inner);

        await sink.AppendAsync([Reading("a"), Reading("b"), Reading("a", CatalogReadings.Spo2)], CancellationToken.None);
        await sink.AppendAsync([Reading("a")], CancellationToken.None);

        Assert.Equal(3, sink.AppendedFor("a"));
        Assert.Equal(1, sink.AppendedFor("b"));
        Assert.Equal(0, sink.AppendedFor("c"));
        Assert.Equal(4, sink.Total);
        Assert.Equal(4, inner.Readings.Count);
    }

    [Fact]
    public async Task AppendAsync_BufferRefuses_ThrowsAndCountsNothing()
    {
        var sink = new CountingReadingSink(new RecordingSink { Refuse = true });

        await Assert.ThrowsAsync<BufferUnavailableException>(() => sink.AppendAsync([Reading("a")], CancellationToken.None).AsTask());

        Assert.Equal(0, sink.AppendedFor("a"));
    }
}
