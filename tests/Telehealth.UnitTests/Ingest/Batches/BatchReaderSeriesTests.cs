using System.Globalization;
using System.Text;
using System.Text.Json;
using Telehealth.Ingest.Batches;
using Telehealth.Ingest.Contracts.Batches;

namespace Telehealth.UnitTests.Ingest.Batches;

/// <summary>
/// The series form of a batch: the reader must agree with the contract's serializer (points flattened into readings) and
/// the validator on every result and every byte of every line, and refuse what the serializer refuses.
/// </summary>
public sealed class BatchReaderSeriesTests
{
    private const string Patient = "patient-7";
    private const long Now = 1_790_000_000_000;
    private static readonly long Latest = Now + (long)BatchValidator.MaxAhead.TotalMilliseconds;

    private static readonly string[] Numbers = ["72", "72.5", "72.50", "7.25e1", "-0", "0.0001", "0.00001", "96.123456789012345", "36.6", "120", "80.0", "1E2", "300"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Read_GeneratedSeries_AgreeWithTheSerializerAndTheValidator(int seed)
    {
        var random = new Random(seed);
        var json = new StringBuilder("""{"gatewayId":"gw","patientId":"patient-7","series":[""");
        for (var s = 0; s < 60; s++)
        {
            json.Append(s == 0 ? "" : ",").Append(GeneratedSeries(random, s * 100));
        }

        AssertAgrees(json.Append("]}").ToString(), minimumStored: 100);
    }

    [Fact]
    public void Read_ReadingsAndSeries_KeepTheBodysOrder()
        => AssertAgrees("""
            {"readings":[{"id":1,"deviceId":"hr","metric":"heart_rate","unit":"/min","deviceTimeMs":1789999999000,"receivedAtMs":5,"values":{"value":61}}],
             "series":[{"deviceId":"cuff","metric":"blood_pressure","unit":"mm[Hg]","components":["systolic","diastolic"],
                        "points":[[2,1789999999001,6,120,80],[3,1789999999002,7,121],null,[4,1789999999003,8,400,80]]}],
             "gatewayId":"gw","patientId":"patient-7"}
            """, minimumStored: 2);

    [Fact]
    public void Read_PointsBeforeTheHeader_AreReadWithTheWholeHeader()
        => AssertAgrees("""
            {"series":[{"points":[[1,1789999999000,5,61.5],[2,1789999999001,6,62]],"unit":"/min","components":["value"],"deviceId":"hr","metric":"heart_rate"},
                       {"points":[[3,1789999999002,7,63]],"deviceId":"hr","metric":"heart_rate","unit":"/min"},
                       {"deviceId":"hr","metric":"heart_rate","unit":"/min","components":null,"points":[[4,1789999999003,8]]},
                       {"deviceId":"hr","metric":"heart_rate","unit":"/min","components":["value"],"points":null},
                       {"deviceId":"hr","metric":"heart_rate","unit":"/min","components":["value"]}]}
            """, minimumStored: 2);

    public static TheoryData<string> Malformed() => new()
    {
        """{"series":{}}""",
        """{"series":[1]}""",
        """{"series":[{"points":{}}]}""",
        """{"series":[{"points":[1]}]}""",
        """{"series":[{"points":[[1,2]]}]}""",
        """{"series":[{"points":[[]]}]}""",
        """{"series":[{"points":[[1,2,3,"4"]]}]}""",
        """{"series":[{"points":[[1.5,2,3,4]]}]}""",
        """{"series":[{"points":[[1,2,3,[4]]]}]}""",
        """{"series":[{"points":[[1,2,3,null]]}]}""",
        """{"series":[{"components":"value","points":[]}]}""",
        """{"series":[{"components":[1],"points":[]}]}""",
        """{"series":[{"deviceId":1,"points":[]}]}""",
        """{"series":[{"points":[[1,2,3,4]""",
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Read_RefusesWhatTheSerializerRefuses(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(bytes, IngestJsonContext.Default.IngestBatch));

        Assert.ThrowsAny<JsonException>(() => BatchReader.Read(bytes, Patient, Latest).Dispose());
    }

    [Theory]
    [InlineData("""{"series":[],"series":[]}""", "series appears twice")]
    [InlineData("""{"series":[{"metric":"heart_rate","Metric":"spo2","points":[]}]}""", "metric twice")]
    [InlineData("""{"series":[{"points":[],"points":[]}]}""", "points twice")]
    public void Read_RefusesAmbiguousRepeats(string json, string message)
    {
        var error = Assert.ThrowsAny<JsonException>(() => BatchReader.Read(Encoding.UTF8.GetBytes(json), Patient, Latest).Dispose());
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Group_KeepsOrder_AndSplitsWhereDeviceMetricUnitOrComponentsChange()
    {
        IngestReading R(long id, string device, string metric, string unit, Dictionary<string, double> values) => new(id, device, metric, unit, Now + id, Now, values);
        IngestReading[] readings =
        [
            R(1, "hr", "heart_rate", "/min", new() { ["value"] = 60 }),
            R(2, "hr", "heart_rate", "/min", new() { ["value"] = 61 }),
            R(3, "cuff", "blood_pressure", "mm[Hg]", new() { ["systolic"] = 120, ["diastolic"] = 80 }),
            R(4, "cuff", "blood_pressure", "mm[Hg]", new() { ["diastolic"] = 81, ["systolic"] = 121 }),
            R(5, "cuff", "blood_pressure", "mm[Hg]", new() { ["systolic"] = 122, ["diastolic"] = 82, ["map"] = 95 }),
            R(6, "hr", "heart_rate", "/min", new() { ["value"] = 62 }),
            R(7, "hr2", "heart_rate", "/min", new() { ["value"] = 63 }),
            R(8, "hr2", "heart_rate", "bpm", new() { ["value"] = 64 }),
        ];

        var series = IngestSeries.Group(readings);

        Assert.Equal([2, 2, 1, 1, 1, 1], series.Select(s => s.Points.Count));
        Assert.Equal([121.0, 81.0], series[1].Points[1].Values.Select((v, i) => (v, series[1].Components[i])).OrderBy(p => p.Item2, StringComparer.Ordinal).Select(p => p.v).Reverse());
        var json = JsonSerializer.SerializeToUtf8Bytes(new IngestBatch("gw", Patient, [], series), IngestJsonContext.Default.IngestBatch);
        var back = ReaderReference.Flatten(JsonSerializer.Deserialize(json, IngestJsonContext.Default.IngestBatch)!).Select(i => i.Reading!).ToList();
        Assert.Equal(readings.Select(r => (r.Id, r.DeviceId, r.Metric, r.Unit, r.DeviceTimeMs, r.ReceivedAtMs)), back.Select(r => (r.Id, r.DeviceId, r.Metric, r.Unit, r.DeviceTimeMs, r.ReceivedAtMs)));
        Assert.All(readings.Zip(back), pair => Assert.Equal(pair.First.Values.OrderBy(v => v.Key, StringComparer.Ordinal), pair.Second.Values.OrderBy(v => v.Key, StringComparer.Ordinal)));
    }

    private static void AssertAgrees(string json, int minimumStored)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var expected = JsonSerializer.Deserialize(bytes, IngestJsonContext.Default.IngestBatch)!;

        using var parsed = BatchReader.Read(bytes, Patient, Latest);

        var (results, lines) = ReaderReference.Expected(ReaderReference.Flatten(expected), Patient, Latest);
        Assert.Equal(results, parsed.AllResults());
        Assert.Equal(lines, Encoding.UTF8.GetString(parsed.Lines.WrittenSpan));
        Assert.True(parsed.HasReadings);
        Assert.InRange(results.Count(r => r.Status == ReadingStatus.Stored), minimumStored, results.Count);
    }

    private static string GeneratedSeries(Random random, int firstId)
    {
        var device = $"dev-{random.Next(12)}" + (random.Next(30) == 0 ? "\\\\" : "");
        var (metric, unit, components) = random.Next(6) switch
        {
            0 => ("blood_pressure", "mm[Hg]", random.Next(4) switch { 0 => """["systolic","diastolic","map"]""", 1 => """["diastolic","systolic","systolic"]""", 2 => """["systolic"]""", _ => """["systolic","diastolic"]""" }),
            1 => ("spo2", random.Next(10) == 0 ? "percent" : "%", """["value"]"""),
            2 => ("joint_angle", "deg", random.Next(10) == 0 ? """["value","received_ms"]""" : """["value"]"""),
            3 => ("body_temperature", "Cel", random.Next(10) == 0 ? "null" : random.Next(10) == 0 ? "[]" : """["value"]"""),
            4 => (random.Next(10) == 0 ? "unknown_metric" : "distance", "m", """["value"]"""),
            _ => ("heart_rate", "/min", """["value"]"""),
        };
        var width = components == "null" ? 0 : components.Count(c => c == ',') + (components == "[]" ? 0 : 1);
        var points = new StringBuilder("[");
        var count = random.Next(0, 40);
        for (var p = 0; p < count; p++)
        {
            points.Append(p == 0 ? "" : ",");
            if (random.Next(50) == 0)
            {
                points.Append("null");
                continue;
            }

            var time = Now - random.Next(100_000) + (random.Next(30) == 0 ? 3_600_000 : 0);
            points.Append(CultureInfo.InvariantCulture, $"[{firstId + p},{time},{(random.Next(20) == 0 ? "-5" : (Now + p).ToString(CultureInfo.InvariantCulture))}");
            var values = width + (random.Next(25) == 0 ? random.Next(-1, 2) : 0);
            for (var v = 0; v < values; v++)
            {
                points.Append(',').Append(Numbers[random.Next(Numbers.Length)]);
            }

            points.Append(']');
        }

        points.Append(']');
        string[] members =
        [
            $"\"deviceId\":\"{device}\"", $"\"metric\":\"{metric}\"", $"\"unit\":\"{unit}\"", $"\"components\":{components}", $"\"points\":{points}", "\"note\":[1,{\"a\":2}]",
        ];
        var order = random.Next(4) == 0 ? members.OrderBy(_ => random.Next()).ToArray() : members;
        return "{" + string.Join(",", order) + "}";
    }
}
