using Telehealth.Cohort.Randomness;

namespace Telehealth.UnitTests.Cohort;

public sealed class SeededRandomTests
{
    [Fact]
    public void NextUInt64_SameSeed_SameSequence()
    {
        var a = SeededRandom.For(42, 7);
        var b = SeededRandom.For(42, 7);

        Assert.Equal(Enumerable.Range(0, 100).Select(_ => a.NextUInt64()), Enumerable.Range(0, 100).Select(_ => b.NextUInt64()));
    }

    [Fact]
    public void NextUInt64_OtherIndex_OtherSequence()
    {
        var a = SeededRandom.For(42, 7);
        var b = SeededRandom.For(42, 8);

        Assert.NotEqual(Enumerable.Range(0, 10).Select(_ => a.NextUInt64()), Enumerable.Range(0, 10).Select(_ => b.NextUInt64()));
    }

    [Fact]
    public void Gaussian_ManyDraws_HasUnitSpread()
    {
        var random = new SeededRandom(1);
        var draws = Enumerable.Range(0, 20_000).Select(_ => random.Gaussian()).ToList();
        var mean = draws.Average();
        var sd = Math.Sqrt(draws.Sum(d => (d - mean) * (d - mean)) / (draws.Count - 1));

        Assert.InRange(mean, -0.05, 0.05);
        Assert.InRange(sd, 0.97, 1.03);
    }
}
