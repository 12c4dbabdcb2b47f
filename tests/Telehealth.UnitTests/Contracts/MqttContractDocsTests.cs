using System.Text;
using System.Text.Json;
using Telehealth.Gateway.Core.Contract;
using Telehealth.Ingest.Contracts.Metrics;

namespace Telehealth.UnitTests.Contracts;

/// <summary>Keeps docs/mqtt-reading.schema.json and docs/mqtt-contract.md true to the code.</summary>
public sealed class MqttContractDocsTests
{
    private static readonly string Docs = Path.Combine(FindRoot(), "docs");

    [Fact]
    public void SchemaExamples_AreAcceptedByTheParser()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(Docs, "mqtt-reading.schema.json")));
        var examples = schema.RootElement.GetProperty("examples").EnumerateArray().ToList();
        Assert.NotEmpty(examples);
        foreach (var example in examples)
        {
            var result = ReadingPayloadParser.Parse(Encoding.UTF8.GetBytes(example.GetRawText()), "dev-1", 1_800_000_000_000);
            Assert.True(result.IsValid, $"{example.GetRawText()}: {result.Error}");
        }
    }

    [Fact]
    public void SchemaMetricsAndUnits_MatchTheCatalogue()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(Docs, "mqtt-reading.schema.json")));
        var metrics = schema.RootElement.GetProperty("properties").GetProperty("metric").GetProperty("enum")
            .EnumerateArray().Select(e => e.GetString()!).Order().ToList();
        Assert.Equal(MetricCatalog.All.Select(m => m.Name).Order(), metrics);

        var units = schema.RootElement.GetProperty("allOf").EnumerateArray().ToDictionary(
            rule => rule.GetProperty("if").GetProperty("properties").GetProperty("metric").GetProperty("const").GetString()!,
            rule => rule.GetProperty("then").GetProperty("properties").GetProperty("unit").GetProperty("const").GetString()!);
        foreach (var metric in MetricCatalog.All)
        {
            Assert.Equal(metric.Unit, units[metric.Name]);
        }
    }

    [Fact]
    public void ContractPage_ListsEveryCatalogueMetricWithItsUnit()
    {
        var page = File.ReadAllText(Path.Combine(Docs, "mqtt-contract.md"));
        foreach (var metric in MetricCatalog.All)
        {
            Assert.Contains($"| {metric.Name} | `{metric.Unit}` |", page, StringComparison.Ordinal);
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Telehealth.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Telehealth.sln not found");
    }
}
