using Telehealth.Metadata.Database;

namespace Telehealth.UnitTests.Metadata;

public sealed class TokenHashTests
{
    [Fact]
    public void Of_IsTheLowerCaseHexSha256_OfTheUtf8Token()
        => Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", TokenHash.Of("abc"));

    [Fact]
    public void NewToken_IsUrlSafe_AndDifferentEachTime()
    {
        var tokens = Enumerable.Range(0, 50).Select(_ => TokenHash.NewToken()).ToList();

        Assert.All(tokens, t => Assert.Matches("^[A-Za-z0-9_-]{43}$", t));
        Assert.Equal(tokens.Count, tokens.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Matches_OnlyTheSameHash()
    {
        var hash = TokenHash.Of("secret");

        Assert.True(TokenHash.Matches(hash, TokenHash.Of("secret")));
        Assert.False(TokenHash.Matches(hash, TokenHash.Of("secreT")));
        Assert.False(TokenHash.Matches(hash, null));
        Assert.False(TokenHash.Matches(hash, hash[..10]));
    }
}
