using System.Text;
using Telehealth.Ingest.Storage.InfluxQl;

namespace Telehealth.UnitTests.Storage.InfluxQl;

public sealed class InfluxQlResultParserTests
{
    [Fact]
    public void Parse_GroupedSeries_ReadsNameTagsColumnsAndRows()
    {
        const string json = """
            {"results":[{"statement_id":0,"series":[{"name":"heart_rate","tags":{"device":"d1","patient":"p1"},
            "columns":["time","received_ms","value"],"values":[[1700000000000,1700000000005,61.5],[1700000000001,null,62]]}]}]}
            """;

        var result = InfluxQlResultParser.Parse(Encoding.UTF8.GetBytes(json));

        var series = Assert.Single(result.Series);
        Assert.Equal("heart_rate", series.Name);
        Assert.Equal("d1", series.Tags["device"]);
        Assert.Equal(["time", "received_ms", "value"], series.Columns);
        Assert.Equal(2, result.RowCount);
        Assert.Equal(1_700_000_000_000, series.GetInt64(0, "time"));
        Assert.Equal(61.5, series.GetDouble(0, "value"));
        Assert.Null(series.GetInt64(1, "received_ms"));
        Assert.Equal("62", series.GetString(1, "value"));
    }

    [Fact]
    public void Parse_NoSeries_ReturnsEmptyResultWithMessages()
    {
        const string json = """
            {"results":[{"statement_id":0,"messages":[{"level":"warning","text":"deprecated use"}]}]}
            """;

        var result = InfluxQlResultParser.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Empty(result.Series);
        Assert.Equal(["warning: deprecated use"], result.Messages);
    }

    [Fact]
    public void Parse_StatementErrorInsideA200_ThrowsWithTheServersMessage()
    {
        const string json = """{"results":[{"statement_id":0,"error":"database not found: nope"}]}""";

        var error = Assert.Throws<InfluxQlException>(() => InfluxQlResultParser.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Equal("database not found: nope", error.ServerMessage);
        Assert.Equal(200, error.StatusCode);
    }

    [Fact]
    public void Parse_TopLevelError_Throws()
    {
        const string json = """{"error":"error parsing query: found SELEC"}""";

        var error = Assert.Throws<InfluxQlException>(() => InfluxQlResultParser.Parse(Encoding.UTF8.GetBytes(json), 400));

        Assert.Contains("found SELEC", error.Message, StringComparison.Ordinal);
        Assert.Equal(400, error.StatusCode);
    }

    [Fact]
    public void Parse_NotJson_Throws()
    {
        Assert.Throws<InfluxQlException>(() => InfluxQlResultParser.Parse("<html>"u8));
    }

    [Fact]
    public void Series_UnknownColumn_ThrowsKeyNotFound()
    {
        var result = InfluxQlResultParser.Parse("""{"results":[{"series":[{"name":"m","columns":["time"],"values":[[1]]}]}]}"""u8);

        Assert.Throws<KeyNotFoundException>(() => result.Series[0].GetDouble(0, "value"));
    }

    [Theory]
    [InlineData("telehealth", "\"telehealth\"")]
    [InlineData("we\"ird\\db", "\"we\\\"ird\\\\db\"")]
    public void QuoteIdentifier_NameWithQuotesAndBackslashes_EscapesThem(string name, string expected)
    {
        Assert.Equal(expected, InfluxQlClient.QuoteIdentifier(name));
    }

    [Fact]
    public void QuoteLiteral_TextWithQuote_EscapesIt()
    {
        Assert.Equal("'o\\'brien'", InfluxQlClient.QuoteLiteral("o'brien"));
    }
}
