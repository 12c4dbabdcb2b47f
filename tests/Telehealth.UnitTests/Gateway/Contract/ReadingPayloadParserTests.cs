using System.Text;
using Telehealth.Gateway.Core.Contract;

namespace Telehealth.UnitTests.Gateway.Contract;

public sealed class ReadingPayloadParserTests
{
    private const long Now = 1_795_000_000_000;

    private static ReadingParseResult Parse(string json) => ReadingPayloadParser.Parse(Encoding.UTF8.GetBytes(json), "dev-1", Now);

    [Fact]
    public void SingleValue_WithEpochMs_IsAccepted()
    {
        var result = Parse("""{"metric":"heart_rate","unit":"/min","ts":1794999999000,"value":72.5}""");

        Assert.True(result.IsValid, result.Error);
        var reading = Assert.Single(result.Readings);
        Assert.Equal("dev-1", reading.DeviceId);
        Assert.Equal("heart_rate", reading.Metric);
        Assert.Equal(1_794_999_999_000, reading.DeviceTimeMs);
        Assert.Equal(Now, reading.ReceivedAtMs);
        Assert.Equal(72.5, reading.Values["value"]);
    }

    [Fact]
    public void MultiComponent_WithRfc3339_IsAccepted()
    {
        var result = Parse("""{"metric":"blood_pressure","unit":"mm[Hg]","ts":"2026-11-18T08:00:00.250+01:00","values":{"systolic":128,"diastolic":82,"map":97}}""");

        Assert.True(result.IsValid, result.Error);
        var reading = Assert.Single(result.Readings);
        Assert.Equal(DateTimeOffset.Parse("2026-11-18T07:00:00.250Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds(), reading.DeviceTimeMs);
        Assert.Equal(128, reading.Values["systolic"]);
        Assert.Equal(82, reading.Values["diastolic"]);
        Assert.Equal(97, reading.Values["map"]);
    }

    [Fact]
    public void Samples_ManyInOneMessage_AreAllReturnedInOrder()
    {
        var result = Parse("""{"metric":"spo2","unit":"%","samples":[{"ts":1794999999000,"value":97},{"ts":1794999999500,"value":96.5},{"ts":1794999999900,"value":95}]}""");

        Assert.True(result.IsValid, result.Error);
        Assert.Equal([97, 96.5, 95], result.Readings.Select(r => r.Values["value"]));
        Assert.Equal([1_794_999_999_000L, 1_794_999_999_500, 1_794_999_999_900], result.Readings.Select(r => r.DeviceTimeMs));
    }

    [Theory]
    [InlineData("", "payload is empty")]
    [InlineData("{", "not valid JSON")]
    [InlineData("[1,2]", "payload must be a JSON object")]
    [InlineData("""{"metric":"heart_rate","unit":"/min","ts":1794999999000,"value":72} x""", "not valid JSON")]
    [InlineData("""{"unit":"/min","ts":1794999999000,"value":72}""", "metric is missing")]
    [InlineData("""{"metric":"heart_rate","ts":1794999999000,"value":72}""", "unit is missing")]
    [InlineData("""{"metric":"heart_rate","unit":"/min","value":72}""", "ts is missing")]
    [InlineData("""{"metric":"heart_rate","unit":"/min","ts":1794999999000}""", "value or values is missing")]
    [InlineData("""{"metric":"heart_rate","unit":"/min"}""", "no sample")]
    [InlineData("""{"metric":"glucose","unit":"mmol/L","ts":1794999999000,"value":5}""", "unknown metric 'glucose'")]
    [InlineData("""{"metric":"heart_rate","unit":"bpm","ts":1794999999000,"value":72}""", "wrong unit 'bpm'")]
    [InlineData("""{"metric":"heart_rate","unit":"/min","ts":1794999999000,"value":"72"}""", "value must be a finite JSON number")]
    [InlineData("""{"metric":"heart_rate","unit":"/min","ts":1794999999000,"value":400}""", "outside plausible range")]
    [InlineData("""{"metric":"heart_rate","unit":"/min","ts":1794999999000,"value":1e999}""", "finite JSON number")]
    [InlineData("""{"metric":"heart_rate","unit":"/min","ts":1794999999000,"value":72,"colour":"red"}""", "unknown property 'colour'")]
    [InlineData("""{"metric":"heart_rate","unit":"/min","ts":"yesterday","value":72}""", "not an RFC 3339 timestamp")]
    [InlineData("""{"metric":"heart_rate","unit":"/min","ts":"2026-11-18T08:00:00","value":72}""", "not an RFC 3339 timestamp")]
    [InlineData("""{"metric":"heart_rate","unit":"/min","ts":12.5,"value":72}""", "whole Unix epoch milliseconds")]
    [InlineData("""{"metric":"heart_rate","unit":"/min","ts":100,"value":72}""", "is impossible")]
    [InlineData("""{"metric":"heart_rate","unit":"/min","ts":1795000900000,"value":72}""", "is impossible")]
    [InlineData("""{"metric":"blood_pressure","unit":"mm[Hg]","ts":1794999999000,"values":{"systolic":120}}""", "lacks required component 'diastolic'")]
    [InlineData("""{"metric":"blood_pressure","unit":"mm[Hg]","ts":1794999999000,"values":{"systolic":120,"diastolic":80,"pulse":60}}""", "unknown component 'pulse'")]
    [InlineData("""{"metric":"blood_pressure","unit":"mm[Hg]","ts":1794999999000,"values":{"systolic":120,"systolic":121,"diastolic":80}}""", "appears twice")]
    [InlineData("""{"metric":"heart_rate","unit":"/min","ts":1794999999000,"value":72,"values":{"value":72}}""", "not both")]
    [InlineData("""{"metric":"spo2","unit":"%","samples":[{"ts":1794999999000,"value":97},{"ts":1794999999000,"value":96}]}""", "samples[1]: ts 2026-11-18T11:06:39.000Z repeats")]
    [InlineData("""{"metric":"spo2","unit":"%","samples":[{"ts":1794999999000,"value":97}],"ts":1794999999000,"value":97}""", "not both")]
    [InlineData("""{"metric":"spo2","unit":"%","samples":{}}""", "samples must be an array")]
    [InlineData("""{"metric":"spo2","unit":"%","samples":[{"ts":1794999999000,"value":{"a":{"b":{"c":1}}}}]}""", "value must be a finite JSON number")]
    public void InvalidPayload_IsRefusedWithReason(string json, string expectedReason)
    {
        var result = Parse(json);

        Assert.False(result.IsValid);
        Assert.Empty(result.Readings);
        Assert.Contains(expectedReason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidUtf8_IsRefusedNotThrown()
    {
        var result = ReadingPayloadParser.Parse([0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D], "dev-1", Now);

        Assert.False(result.IsValid);
        Assert.Contains("not valid UTF-8", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TooManySamples_AreRefused()
    {
        var samples = string.Join(',', Enumerable.Range(0, ReadingPayloadLimits.MaxSamples + 1).Select(i => $$"""{"ts":{{1_794_000_000_000L + i}},"value":70}"""));
        var result = Parse($$"""{"metric":"heart_rate","unit":"/min","samples":[{{samples}}]}""");

        Assert.False(result.IsValid);
        Assert.Contains("more than 1000 samples", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void OversizedPayload_IsRefused()
    {
        var result = ReadingPayloadParser.Parse(new byte[ReadingPayloadLimits.MaxPayloadBytes + 1], "dev-1", Now);

        Assert.False(result.IsValid);
        Assert.Contains("exceeds", result.Error, StringComparison.Ordinal);
    }
}
