using CsCheck;
using Telehealth.Ingest.Contracts.Batches;
using Telehealth.Ingest.Storage.LineProtocol;

namespace Telehealth.UnitTests.Storage.LineProtocol;

/// <summary>Our serializer against InfluxDB.Client's PointData, over nasty generated readings.</summary>
public sealed class LineProtocolSerializerPropertyTests
{
    // Separators, quotes, control characters, accents, a surrogate pair, lone surrogates, and backslashes only where
    // the line protocol can carry them (never last, never before a space, comma or equals sign).
    private static readonly Gen<string> WritablePiece = Gen.OneOf(
        Gen.OneOf(" ", ",", "=", "\"", "'", "\n", "\r", "\t", "é", "€", "😀", "\uD800", "\uDC00", "\u00A0", "received"),
        Gen.OneOf("\\a", "\\\"", "\\é", "\\\\b", "\\n"),
        Gen.Char['a', 'z'].Select(c => c.ToString()),
        Gen.Char['0', '9'].Select(c => c.ToString()));

    private static readonly Gen<string> WritableString = WritablePiece.Array[1, 10].Select(string.Concat);

    // Anything, including what the serializer must refuse: a lone or trailing backslash, the reserved field name.
    private static readonly Gen<string> AnyString = Gen.OneOf(WritablePiece, Gen.OneOf("\\", "received_ms"))
        .Array[0, 6].Select(string.Concat);

    private static readonly Gen<double> FiniteDouble = Gen.OneOf(
        Gen.Double.Where(double.IsFinite),
        Gen.Double[-1e6, 1e6],
        Gen.OneOf(0.0, -0.0, 0.1, 1.0 / 3, double.Epsilon, double.MaxValue, double.MinValue, 1e21, 123456789012345678.0));

    private static readonly Gen<IngestReading> WritableReading = ReadingOf(WritableString, FiniteDouble, 1);

    private static readonly Gen<IngestReading> AnyReading = ReadingOf(AnyString, Gen.OneOf(FiniteDouble, Gen.Double), 0);

    [Fact]
    public void Write_WritableGeneratedReading_IsByteIdenticalToPointData()
    {
        Gen.Select(WritableString, WritableReading)
            .Sample(
                (patient, reading) =>
                {
                    Assert.Null(LineProtocolSerializer.Check(patient, reading));
                    var ours = LineProtocolSerializerTests.Serialize(patient, reading);
                    var theirs = LineProtocolSerializerTests.ViaPointData(patient, reading);
                    Assert.Equal(theirs, System.Text.Encoding.UTF8.GetBytes(ours.TrimEnd('\n')));
                    Assert.EndsWith("\n", ours, StringComparison.Ordinal);
                },
                iter: 20_000);
    }

    [Fact]
    public void Write_GeneratedReading_EitherWritesOneLineOrThrowsWithNothingWritten()
    {
        Gen.Select(AnyString, AnyReading).Sample(
            (patient, reading) =>
            {
                using var buffer = new LineProtocolBuffer(4);
                if (LineProtocolSerializer.Check(patient, reading) is null)
                {
                    LineProtocolSerializer.Write(buffer, patient, [reading]);
                    Assert.Equal(1, buffer.WrittenSpan.Count((byte)'\n'));
                }
                else
                {
                    Assert.Throws<ArgumentException>(() => LineProtocolSerializer.Write(buffer, patient, [reading]));
                    Assert.Equal(0, buffer.WrittenCount);
                }
            },
            iter: 5_000);
    }

    private static Gen<IngestReading> ReadingOf(Gen<string> text, Gen<double> value, int minValues) =>
        Gen.Select(
            text,
            text,
            Gen.Dictionary(text, value)[minValues, 4],
            Gen.Long,
            Gen.Long,
            (device, metric, values, deviceTime, received) =>
                new IngestReading(0, device, metric, "u", deviceTime, received, values));
}
