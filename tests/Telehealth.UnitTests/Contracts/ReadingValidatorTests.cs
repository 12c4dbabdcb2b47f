using Telehealth.Ingest.Contracts.Metrics;

namespace Telehealth.UnitTests.Contracts;

public sealed class ReadingValidatorTests
{
    [Fact]
    public void EveryCatalogueMetric_AcceptsValuesInsideItsRange()
    {
        foreach (var metric in MetricCatalog.All)
        {
            var values = metric.Components.ToDictionary(c => c.Name, c => (c.Min + c.Max) / 2);
            Assert.Null(ReadingValidator.Validate(metric.Name, metric.Unit, values));
        }
    }

    [Fact]
    public void EveryCatalogueMetric_RefusesValuesOutsideItsRange()
    {
        foreach (var metric in MetricCatalog.All)
        {
            var values = metric.Components.ToDictionary(c => c.Name, c => c.Max + 1);
            Assert.Contains("outside plausible range", ReadingValidator.Validate(metric.Name, metric.Unit, values), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NonFiniteValues_AreRefused(double value)
        => Assert.Contains("not a finite number", ReadingValidator.Validate("heart_rate", "/min", new Dictionary<string, double> { ["value"] = value }), StringComparison.Ordinal);

    [Fact]
    public void OptionalComponent_MayBeAbsent()
        => Assert.Null(ReadingValidator.Validate("blood_pressure", "mm[Hg]", new Dictionary<string, double> { ["systolic"] = 120, ["diastolic"] = 80 }));

    [Fact]
    public void EmptyValues_AreRefused()
        => Assert.Contains("no values", ReadingValidator.Validate("heart_rate", "/min", new Dictionary<string, double>()), StringComparison.Ordinal);
}
