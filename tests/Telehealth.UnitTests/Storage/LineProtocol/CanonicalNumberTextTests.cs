using System.Globalization;
using System.Text;
using Telehealth.Ingest.Storage.LineProtocol;

namespace Telehealth.UnitTests.Storage.LineProtocol;

/// <summary>A JSON number's text may be copied to a line only when it is exactly what the serializer would write for its value.</summary>
public sealed class CanonicalNumberTextTests
{
    [Theory]
    [InlineData("0", true)]
    [InlineData("-0", true)]
    [InlineData("72", true)]
    [InlineData("-3", true)]
    [InlineData("97.5", true)]
    [InlineData("0.1", true)]
    [InlineData("0.0001", true)]
    [InlineData("-0.00012345", true)]
    [InlineData("999999999999999", true)]
    [InlineData("12345678901234.5", true)]
    [InlineData("72.50", false)]
    [InlineData("72.0", false)]
    [InlineData("0.0", false)]
    [InlineData("1e2", false)]
    [InlineData("1E+2", false)]
    [InlineData("0.00001", false)]
    [InlineData("1000000000000000", false)]
    [InlineData("1234567890123456", false)]
    [InlineData("0.1234567890123456", false)]
    [InlineData("4.99999999999999999", false)]
    [InlineData("", false)]
    [InlineData("-", false)]
    [InlineData("1.", false)]
    [InlineData("01", false)]
    public void IsCanonical_KnownTexts(string text, bool canonical)
        => Assert.Equal(canonical, CanonicalNumberText.IsCanonical(Encoding.ASCII.GetBytes(text)));

    /// <summary>Seeded: decimals of every length and scale, and the serializer's own output for random doubles.</summary>
    [Fact]
    public void IsCanonical_OnlyForTextTheSerializerWritesItself()
    {
        var random = new Random(17);
        var canonical = 0;
        for (var i = 0; i < 200_000; i++)
        {
            var text = i % 2 == 0 ? RandomDecimal(random) : RandomDouble(random).ToString(CultureInfo.InvariantCulture);
            var bytes = Encoding.ASCII.GetBytes(text);
            if (!CanonicalNumberText.IsCanonical(bytes))
            {
                continue;
            }

            canonical++;
            var formatted = new byte[32];
            var written = LineProtocolSerializer.FormatValue(formatted, double.Parse(text, CultureInfo.InvariantCulture));
            Assert.Equal(text, Encoding.ASCII.GetString(formatted, 0, written));
        }

        Assert.InRange(canonical, 50_000, 200_000);
    }

    private static string RandomDecimal(Random random)
    {
        var whole = random.Next(4) == 0 ? "0" : Digits(random, 1, 17);
        var fraction = random.Next(3) == 0 ? "" : "." + new string('0', random.Next(5)) + Digits(random, 1, 16);
        return (random.Next(4) == 0 ? "-" : "") + whole + fraction;
    }

    /// <summary>A whole number of <paramref name="min"/> to <paramref name="max"/> - 1 digits, the first not zero.</summary>
    private static string Digits(Random random, int min, int max)
    {
        var length = random.Next(min, max);
        var digits = new char[length];
        digits[0] = (char)('1' + random.Next(9));
        for (var i = 1; i < length; i++)
        {
            digits[i] = (char)('0' + random.Next(10));
        }

        return new string(digits);
    }

    private static double RandomDouble(Random random) => random.Next(3) switch
    {
        0 => BitConverter.Int64BitsToDouble(random.NextInt64()),
        1 => Math.Round(random.NextDouble() * 300, random.Next(0, 6)),
        _ => random.NextDouble() * Math.Pow(10, random.Next(-8, 18)),
    };
}
