using System.Text;
using System.Text.Json;
using Telehealth.Ingest.Batches;
using Telehealth.Ingest.Contracts.Batches;
using Telehealth.Ingest.Storage.LineProtocol;
using Telehealth.Ingest.Telemetry;

namespace Telehealth.UnitTests.Ingest.Batches;

/// <summary>
/// The one-pass reader must agree with the contract's serializer (IngestJsonContext) followed by per-reading
/// validation and LineProtocolSerializer: same results, same lines, same refusals.
/// </summary>
public sealed class BatchReaderTests
{
    private const string Patient = "patient-7";
    private const long Now = 1_790_000_000_000;
    private static readonly long Latest = Now + (long)BatchValidator.MaxAhead.TotalMilliseconds;

    /// <summary>Every kind of rejection, a null reading, unknown members at every level, names in other cases.</summary>
    private static readonly string MixedBody = string.Concat(
            """{"GatewayId":"gw","PATIENTID":"patient-7","extra":{"a":[1,2,{"b":null}]},"readings":[null,""",
            """{"id":2,"deviceId":"","metric":"heart_rate","unit":"/min","deviceTimeMs":1789999999000,"receivedAtMs":1,"values":{"value":60}},""",
            """{"id":3,"deviceId":"d","metric":"heart_rate","unit":"/min","deviceTimeMs":5,"receivedAtMs":1,"values":{"value":60}},""",
            """{"id":4,"deviceId":"d","metric":"heart_rate","unit":"/min","deviceTimeMs":1790000999000,"receivedAtMs":1,"values":{"value":60}},""",
            """{"id":5,"deviceId":"d","metric":"nope","unit":"/min","deviceTimeMs":1789999999000,"receivedAtMs":1,"values":{"value":60}},""",
            """{"id":6,"deviceId":"d","metric":"heart_rate","unit":"bpm","deviceTimeMs":1789999999000,"receivedAtMs":1,"values":{"value":60}},""",
            """{"id":7,"deviceId":"d","metric":"heart_rate","unit":"/min","deviceTimeMs":1789999999000,"receivedAtMs":1,"values":{"value":900}},""",
            """{"id":8,"deviceId":"d","metric":"heart_rate","unit":"/min","deviceTimeMs":1789999999000,"receivedAtMs":1,"values":{}},""",
            """{"id":9,"deviceId":"d","metric":"heart_rate","unit":"/min","deviceTimeMs":1789999999000,"receivedAtMs":1},""",
            """{"id":10,"deviceId":"d","metric":"heart_rate","unit":"/min","deviceTimeMs":1789999999000,"receivedAtMs":1,"values":null},""",
            """{"id":11,"deviceId":"d\\","metric":"heart_rate","unit":"/min","deviceTimeMs":1789999999000,"receivedAtMs":1,"values":{"value":60}},""",
            """{"id":12,"deviceId":"d","metric":"heart_rate","unit":"/min","deviceTimeMs":1789999999000,"receivedAtMs":1,"values":{"value":60,"other":1}},""",
            """{"ID":13,"DeviceId":"d\u00e9\n","Metric":"heart_rate","Unit":"/min","DeviceTimeMs":1789999999001,"ReceivedAtMs":2,"Values":{"value":1e2},"more":"x"},""",
            """{"id":14,"deviceId":"\u0064","metric":"heart\u005frate","unit":"/min","deviceTimeMs":1789999999002,"receivedAtMs":3,"values":{"v\u0061lue":70}}]}""");

    public static TheoryData<string> Bodies() => new()
    {
        """{"gatewayId":"gw","patientId":"patient-7","readings":[]}""",
        """{"gatewayId":"gw","patientId":"patient-7","readings":[{"id":1,"deviceId":"hr-1","metric":"heart_rate","unit":"/min","deviceTimeMs":1789999999000,"receivedAtMs":1789999999005,"values":{"value":61.5}}]}""",
        // blood pressure: several components, out of order; a repeated component keeps its last value
        """{"readings":[{"values":{"systolic":120,"diastolic":80,"systolic":121},"unit":"mm[Hg]","metric":"blood_pressure","deviceId":"bp 1,=x","deviceTimeMs":1789999999000,"receivedAtMs":1,"id":9}],"patientId":"patient-7","gatewayId":"gw"}""",
        MixedBody,
        """{"gatewayId":"gw","patientId":"patient-7"}""",
        """{"gatewayId":"gw","patientId":"patient-7","readings":null}""",
        "null",
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Read_AgreesWithTheSerializerAndTheValidator(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var expected = JsonSerializer.Deserialize(bytes, IngestJsonContext.Default.IngestBatch);

        using var parsed = BatchReader.Read(bytes, Patient, Latest);

        Assert.Equal(expected?.GatewayId, parsed.GatewayId);
        Assert.Equal(expected?.PatientId, parsed.PatientId);
        Assert.Equal(expected?.Readings is not null, parsed.HasReadings);
        var (results, lines) = Reference(expected?.Readings ?? []);
        Assert.Equal(results, parsed.AllResults());
        Assert.Equal(lines, Encoding.UTF8.GetString(parsed.Lines.WrittenSpan));
        Assert.Equal(results.Count(r => r.Status == ReadingStatus.Stored), parsed.StoredLines.Count);
        Assert.Equal(results.Count(r => r.Status == ReadingStatus.Rejected), parsed.RejectedClasses.Count);
        foreach (var line in parsed.StoredLines)
        {
            Assert.Equal(ReadingStatus.Stored, parsed.AllResults()[line.ReadingIndex].Status);
            Assert.EndsWith("\n", Encoding.UTF8.GetString(parsed.Lines.WrittenSpan.Slice(line.Start, line.Length)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Read_ClassifiesEachRejection()
    {
        using var parsed = BatchReader.Read(Encoding.UTF8.GetBytes(MixedBody), Patient, Latest);

        Assert.Equal(
            [RejectionClass.Malformed, RejectionClass.Device, RejectionClass.Time, RejectionClass.Time, RejectionClass.Catalogue, RejectionClass.Catalogue,
             RejectionClass.Catalogue, RejectionClass.Catalogue, RejectionClass.Catalogue, RejectionClass.Catalogue, RejectionClass.Format, RejectionClass.Catalogue],
            parsed.RejectedClasses);
    }

    public static TheoryData<string> Malformed() => new()
    {
        "",
        "hello",
        "[]",
        """{"gatewayId":1,"patientId":"y","readings":[]}""",
        """{"gatewayId":"x","patientId":"y","readings":[""",
        """{"gatewayId":"x","patientId":"y","readings":{}}""",
        """{"gatewayId":"x","patientId":"y","readings":[1]}""",
        """{"readings":[{"id":"1"}]}""",
        """{"readings":[{"id":1.5}]}""",
        """{"readings":[{"id":null}]}""",
        """{"readings":[{"deviceTimeMs":99999999999999999999}]}""",
        """{"readings":[{"values":{"value":"60"}}]}""",
        """{"readings":[{"values":{"value":null}}]}""",
        """{"readings":[{"values":{"value":NaN}}]}""",
        """{"readings":[{"values":[60]}]}""",
        """{"readings":[{"deviceId":5}]}""",
        """{"readings":[]} {}""",
        """{"readings":[]}x""",
        """{"readings":[],}""",
        """{"readings":[] /* c */}""",
        new string('[', 100) + new string(']', 100),
        "{\"a\":" + string.Concat(Enumerable.Repeat("{\"a\":", 70)) + "1" + new string('}', 71) + ",\"readings\":[]}",
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Read_RefusesWhatTheSerializerRefuses(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(bytes, IngestJsonContext.Default.IngestBatch));

        Assert.ThrowsAny<JsonException>(() => BatchReader.Read(bytes, Patient, Latest).Dispose());
    }

    [Fact]
    public void Read_RefusesInvalidUtf8InAString()
    {
        byte[] bytes = [.. "{\"gatewayId\":\""u8, 0xC3, 0x28, .. "\",\"readings\":[]}"u8];

        Assert.ThrowsAny<JsonException>(() => BatchReader.Read(bytes, Patient, Latest).Dispose());
    }

    [Fact]
    public void Read_RefusesASecondReadingsArray()
    {
        var bytes = """{"readings":[],"readings":[]}"""u8.ToArray();

        var error = Assert.ThrowsAny<JsonException>(() => BatchReader.Read(bytes, Patient, Latest).Dispose());
        Assert.Contains("twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ManyReadingsFromManyDevices_KeepsEachReadingsOwnTexts()
    {
        var readings = Enumerable.Range(0, 500).Select(i => new IngestReading(i, $"dev-{i % 13}", i % 2 == 0 ? "heart_rate" : "spo2", i % 2 == 0 ? "/min" : "%",
            Now - 10_000 + i, Now, new Dictionary<string, double> { ["value"] = 60 + (i % 30) })).ToArray();
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new IngestBatch("gw", Patient, readings), IngestJsonContext.Default.IngestBatch);

        using var parsed = BatchReader.Read(bytes, Patient, Latest);

        var (results, lines) = Reference(readings);
        Assert.Equal(results, parsed.AllResults());
        Assert.Equal(lines, Encoding.UTF8.GetString(parsed.Lines.WrittenSpan));
    }

    /// <summary>
    /// Generated batches (seeded): interleaved metrics and more devices than <see cref="RepeatedText"/> remembers, numbers
    /// in every JSON spelling (trailing zeros, exponents, negative zero, tiny and huge values), components out of order
    /// and repeated, and every kind of invalid reading mixed in: the reader's fast path must agree with the serializer
    /// and the validator on every result and every byte of every line.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Read_GeneratedBatches_AgreeWithTheSerializerAndTheValidator(int seed)
    {
        var random = new Random(seed);
        var json = new StringBuilder("""{"gatewayId":"gw","patientId":"patient-7","readings":[""");
        for (var i = 0; i < 400; i++)
        {
            json.Append(i == 0 ? "" : ",").Append(GeneratedReading(random, i));
        }

        var bytes = Encoding.UTF8.GetBytes(json.Append("]}").ToString());
        var expected = JsonSerializer.Deserialize(bytes, IngestJsonContext.Default.IngestBatch)!;

        using var parsed = BatchReader.Read(bytes, Patient, Latest);

        var (results, lines) = Reference(expected.Readings);
        Assert.Equal(results, parsed.AllResults());
        Assert.Equal(lines, Encoding.UTF8.GetString(parsed.Lines.WrittenSpan));
        Assert.InRange(results.Count(r => r.Status == ReadingStatus.Stored), 100, 399); // both paths were taken
    }

    private static readonly string[] Numbers =
    [
        "72", "72.5", "72.50", "72.0", "7.25e1", "7.25E+1", "725e-1", "-0", "0", "0.0", "-0.0", "0.0001", "0.00012", "0.00001",
        "1e-5", "96.123456789012345", "96.12345678901", "100", "1000000000000000", "999999999999999", "123456789.123456",
        "36.6", "-3.5", "1E2", "4.99999999999999999", "0.30000000000000004", "38.000", "3",
    ];

    private static string GeneratedReading(Random random, int id)
    {
        var device = $"dev-{random.Next(12)}" + (random.Next(40) == 0 ? "\\\\" : random.Next(30) == 0 ? " x,=y" : "");
        var time = Now - random.Next(100_000) + (random.Next(25) == 0 ? 3_600_000 : 0);
        var received = random.Next(20) == 0 ? "-0" : random.Next(20) == 0 ? "-5" : (Now + random.Next(1000)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        string N() => Numbers[random.Next(Numbers.Length)];
        var (metric, unit, values) = random.Next(9) switch
        {
            0 => ("blood_pressure", "mm[Hg]", $$"""{"systolic":1{{random.Next(10, 60)}},"diastolic":{{random.Next(60, 99)}}{{BloodPressureExtra(random)}}}"""),
            1 => ("spo2", "%", $$"""{"value":{{N()}}}"""),
            2 => ("joint_angle", "deg", $$"""{"value":{{N()}}}"""),
            3 => ("heart_rate", random.Next(15) == 0 ? "bpm" : "/min", $$"""{"value":{{N()}}}"""),
            4 => ("heart_rate", "/min", random.Next(10) == 0 ? """{"value":70,"received_ms":1}""" : random.Next(10) == 0 ? """{"valu\\":70}""" : """{}"""),
            5 => (random.Next(10) == 0 ? "unknown_metric" : "distance", "m", $$"""{"value":{{N()}}}"""),
            6 => ("body_weight", "kg", $$"""{"value":{{N()}}}"""),
            _ => ("heart_rate", "/min", $$"""{"value":{{60 + random.Next(100)}}}"""),
        };
        return $$"""{"id":{{id}},"deviceId":"{{device}}","metric":"{{metric}}","unit":"{{unit}}","deviceTimeMs":{{time}},"receivedAtMs":{{received}},"values":{{values}}}""";
    }

    /// <summary>Nothing, a repeated systolic (the last one counts), the optional mean arterial pressure, or an unknown component.</summary>
    private static string BloodPressureExtra(Random random) => random.Next(6) switch
    {
        0 => ",\"systolic\":121",
        1 => ",\"map\":95.5",
        2 => ",\"mean\":95",
        _ => "",
    };

    private static (List<ReadingResult> Results, string Lines) Reference(IReadOnlyList<IngestReading?> readings)
        => ReaderReference.Expected(readings.Select(r => new ReaderReference.Item(r, r is null ? "reading is null" : null)), Patient, Latest);
}
