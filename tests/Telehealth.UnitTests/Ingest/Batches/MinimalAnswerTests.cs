using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Telehealth.Ingest.Batches;

namespace Telehealth.UnitTests.Ingest.Batches;

/// <summary>RFC 7240 <c>Prefer</c> parsing: only a <c>return</c> preference with the value <c>minimal</c> counts.</summary>
public sealed class MinimalAnswerTests
{
    [Theory]
    [InlineData("return=minimal")]
    [InlineData("respond-async, return=minimal; foo=bar")]
    [InlineData("RETURN=Minimal")]
    [InlineData("return=MINIMAL")]
    [InlineData("return=\"minimal\"")]
    [InlineData("  return = minimal  ")]
    [InlineData("wait=10,return=minimal")]
    [InlineData(",, return=minimal ,")]
    [InlineData("return=minimal;handling=lenient, respond-async")]
    [InlineData("foo=\"a, b\", return=minimal")]
    [InlineData("foo=\"a \\\" b\", return=minimal")]
    public void IsPreferred_WithReturnMinimal_IsTrue(string prefer)
        => Assert.True(MinimalAnswer.IsPreferred(Headers(prefer)));

    [Theory]
    [InlineData("return=representation")]
    [InlineData("return-minimal")]
    [InlineData("return minimal")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(",")]
    [InlineData("minimal")]
    [InlineData("return")]
    [InlineData("return=")]
    [InlineData("=minimal")]
    [InlineData("return=minimalist")]
    [InlineData("returns=minimal")]
    [InlineData("respond-async; return=minimal")]
    [InlineData("handling=strict; return=minimal, wait=5")]
    [InlineData("foo=\"x, return=minimal\"")]
    [InlineData("foo=\"x; return=minimal\"")]
    [InlineData("foo=\"a \\\" , return=minimal\"")]
    public void IsPreferred_WithoutReturnMinimal_IsFalse(string prefer)
        => Assert.False(MinimalAnswer.IsPreferred(Headers(prefer)));

    [Fact]
    public void IsPreferred_InOneOfSeveralPreferHeaderValues_IsTrue()
    {
        var headers = new HeaderDictionary { ["Prefer"] = new StringValues(["respond-async", "wait=5", "return=minimal"]) };

        Assert.True(MinimalAnswer.IsPreferred(headers));
    }

    [Fact]
    public void IsPreferred_InNoneOfSeveralPreferHeaderValues_IsFalse()
    {
        var headers = new HeaderDictionary { ["Prefer"] = new StringValues(["respond-async", "return=representation"]) };

        Assert.False(MinimalAnswer.IsPreferred(headers));
    }

    [Fact]
    public void IsPreferred_HeaderNameIsCaseInsensitive()
    {
        var headers = new HeaderDictionary { ["PREFER"] = "return=minimal" };

        Assert.True(MinimalAnswer.IsPreferred(headers));
    }

    [Fact]
    public void IsPreferred_WithoutPreferHeader_IsFalse()
    {
        var headers = new HeaderDictionary { ["Accept"] = "application/json", ["Preference-Applied"] = "return=minimal" };

        Assert.False(MinimalAnswer.IsPreferred(headers));
    }

    [Fact]
    public void IsPreferred_WithNoHeadersAtAll_IsFalse()
        => Assert.False(MinimalAnswer.IsPreferred(new HeaderDictionary()));

    [Fact]
    public void IsPreferred_WithNullHeaders_Throws()
        => Assert.Throws<ArgumentNullException>(() => MinimalAnswer.IsPreferred(null!));

    [Fact]
    public void Preference_IsConfirmedAsReturnMinimalInPreferenceApplied()
    {
        Assert.Equal("return=minimal", MinimalAnswer.Preference);
        Assert.Equal("Preference-Applied", MinimalAnswer.AppliedHeader);
    }

    private static HeaderDictionary Headers(string prefer) => new() { ["Prefer"] = prefer };
}
