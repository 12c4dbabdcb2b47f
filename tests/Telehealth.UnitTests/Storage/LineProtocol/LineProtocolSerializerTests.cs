using System.Text;
using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Writes;
using Telehealth.Ingest.Contracts.Batches;
using Telehealth.Ingest.Storage.LineProtocol;

namespace Telehealth.UnitTests.Storage.LineProtocol;

public sealed class LineProtocolSerializerTests
{
    [Fact]
    public void Write_BloodPressure_WritesOneLineWithSortedTagsAndFields()
    {
        var reading = new IngestReading(
            7, "cuff-1", "blood_pressure", "mm[Hg]", 1_700_000_000_123, 1_700_000_000_456,
            new Dictionary<string, double> { ["systolic"] = 120.5, ["diastolic"] = 80, ["map"] = 93.5 });

        var text = Serialize("p-42", reading);

        Assert.Equal(
            "blood_pressure,device=cuff-1,patient=p-42 "
            + "diastolic=80,map=93.5,received_ms=1700000000456i,systolic=120.5 1700000000123\n",
            text);
    }

    [Fact]
    public void Write_NamesWithSeparators_EscapesThemAsTheLineProtocolRequires()
    {
        var reading = new IngestReading(
            1, "a b,c=d", "m e,a=s", "u", -5, 0, new Dictionary<string, double> { ["f k,=\"x"] = 0.1 });

        var text = Serialize("p\tq\n", reading);

        Assert.Equal(
            "m\\ e\\,a=s,device=a\\ b\\,c\\=d,patient=p\\tq\\n f\\ k\\,\\=\"x=0.1,received_ms=0i -5\n",
            text);
    }

    [Fact]
    public void Write_SeveralReadings_SeparatesLinesWithNewlines()
    {
        var readings = Enumerable.Range(0, 3)
            .Select(i => new IngestReading(i, "d", "heart_rate", "/min", i, i, new Dictionary<string, double> { ["value"] = 60 + i }))
            .ToList();
        using var buffer = new LineProtocolBuffer(8);

        LineProtocolSerializer.Write(buffer, "p", readings);

        Assert.Equal(
            "heart_rate,device=d,patient=p received_ms=0i,value=60 0\n"
            + "heart_rate,device=d,patient=p received_ms=1i,value=61 1\n"
            + "heart_rate,device=d,patient=p received_ms=2i,value=62 2\n",
            Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Theory]
    [InlineData("", "d", "m", "value", 1.0)]
    [InlineData("p", "", "m", "value", 1.0)]
    [InlineData("p", "d", "", "value", 1.0)]
    [InlineData("p", "d", "m", "", 1.0)]
    [InlineData("p\\", "d", "m", "value", 1.0)]
    [InlineData("p", "d\\ x", "m", "value", 1.0)]
    [InlineData("p", "d", "m\\,", "value", 1.0)]
    [InlineData("p", "d", "m", "v\\=", 1.0)]
    [InlineData("p", "d", "m", "received_ms", 1.0)]
    [InlineData("p", "d", "m", "value", double.NaN)]
    [InlineData("p", "d", "m", "value", double.PositiveInfinity)]
    public void Write_ReadingThatCannotBeAWellFormedPoint_ThrowsAndWritesNothing(
        string patient, string device, string metric, string component, double value)
    {
        var reading = new IngestReading(1, device, metric, "u", 1, 1, new Dictionary<string, double> { [component] = value });
        using var buffer = new LineProtocolBuffer();

        Assert.Throws<ArgumentException>(() => LineProtocolSerializer.Write(buffer, patient, [reading]));
        Assert.Equal(0, buffer.WrittenCount);
    }

    [Fact]
    public void Write_ReadingWithoutValues_Throws()
    {
        var reading = new IngestReading(1, "d", "m", "u", 1, 1, new Dictionary<string, double>());
        using var buffer = new LineProtocolBuffer();

        Assert.Throws<ArgumentException>(() => LineProtocolSerializer.Write(buffer, "p", [reading]));
    }

    [Fact]
    public void Write_BackslashNotBeforeASeparator_IsWrittenAsIs()
    {
        var reading = new IngestReading(1, "d\\x", "m", "u", 1, 1, new Dictionary<string, double> { ["v\\\\w"] = 1 });

        Assert.Equal("m,device=d\\x,patient=p received_ms=1i,v\\\\w=1 1\n", Serialize("p", reading));
    }

    internal static string Serialize(string patientId, IngestReading reading)
    {
        using var buffer = new LineProtocolBuffer(4);
        LineProtocolSerializer.Write(buffer, patientId, [reading]);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    internal static byte[] ViaPointData(string patientId, IngestReading reading)
    {
        var point = PointData.Measurement(reading.Metric)
            .Tag(LineProtocolSerializer.DeviceTag, reading.DeviceId)
            .Tag(LineProtocolSerializer.PatientTag, patientId);
        foreach (var (name, value) in reading.Values)
        {
            point = point.Field(name, value);
        }

        point = point.Field(LineProtocolSerializer.ReceivedField, reading.ReceivedAtMs)
            .Timestamp(reading.DeviceTimeMs, WritePrecision.Ms);
        return Encoding.UTF8.GetBytes(point.ToLineProtocol());
    }
}
