using System.Globalization;
using System.Text;
using Telehealth.Ingest.Contracts.Batches;
using Telehealth.Ingest.Storage.LineProtocol;

namespace Telehealth.UnitTests.Storage.LineProtocol;

/// <summary>Whole-number values take a faster path; the text must stay exactly <c>double.ToString(InvariantCulture)</c>.</summary>
public sealed class LineProtocolNumberFormatTests
{
    [Theory]
    [InlineData(60.0)]
    [InlineData(0.0)]
    [InlineData(-5.0)]
    [InlineData(61.5)]
    [InlineData(999_999_999_999_999.0)]
    [InlineData(-999_999_999_999_999.0)]
    [InlineData(1e15)]
    [InlineData(1e16)]
    [InlineData(1e21)]
    [InlineData(123456789012345.0)]
    [InlineData(4503599627370497.0)]
    [InlineData(0.1)]
    [InlineData(-1e-300)]
    public void FieldValue_IsWrittenAsDoubleToString(double value) => AssertWrittenAsToString(value);

    [Fact]
    public void NegativeZero_KeepsItsSign() => AssertWrittenAsToString(-0.0);

    private static void AssertWrittenAsToString(double value)
    {
        using var buffer = new LineProtocolBuffer();
        var reading = new IngestReading(1, "d", "m", "u", 5, 6, new Dictionary<string, double> { ["value"] = value });

        LineProtocolSerializer.WriteLine(buffer, "p", reading);

        Assert.Equal($"m,device=d,patient=p received_ms=6i,value={value.ToString(CultureInfo.InvariantCulture)} 5\n", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
