using System.Text.Json;
using System.Text.RegularExpressions;
using Telehealth.IntegrationTests.Fixtures;

namespace Telehealth.IntegrationTests.Gateway;

/// <summary>Runs gateway/decode.sh as an installer would, on every example in docs/ble-characteristics.md.</summary>
public sealed partial class DecodeScriptTests
{
    private static readonly string[] Characteristics = ["2a37", "2a35", "2a9d", "2a5e", "2a5f", "2a1c", "2a5b", "2a63", "2a53"];

    /// <summary>Each documented invocation with the output the page shows under it.</summary>
    public static TheoryData<string, string, string> DocumentedExamples()
    {
        var data = new TheoryData<string, string, string>();
        foreach (Match match in ExampleLine().Matches(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "ble-characteristics.md"))))
        {
            data.Add(match.Groups["uuid"].Value, match.Groups["hex"].Value.Trim('"'), match.Groups["output"].Value.TrimEnd('\r'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DocumentedExamples))]
    public async Task DocumentedExample_PrintsWhatTheDocumentationShows(string uuid, string hex, string documented)
    {
        var (code, stdout, stderr) = await RunAsync(uuid, hex);

        if (documented.StartsWith("error:", StringComparison.Ordinal))
        {
            Assert.Equal(1, code);
            Assert.StartsWith(documented.Split('…')[0], stderr, StringComparison.Ordinal);
            return;
        }

        Assert.True(code == 0, $"exit {code}: {stderr}");
        Assert.Equal(documented, stdout);
        using var json = JsonDocument.Parse(stdout);
        Assert.True(json.RootElement.TryGetProperty("characteristic", out _));
    }

    [Fact]
    public void Documentation_HasAnExampleForEveryCharacteristic()
    {
        var documented = DocumentedExamples().Select(row => ((string)row[0]).ToLowerInvariant()).ToList();
        foreach (var characteristic in Characteristics)
        {
            Assert.Contains(documented, uuid => uuid.Contains(characteristic, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("2a35", "00", "malformed")]
    [InlineData("2aff", "00", "unknown characteristic")]
    [InlineData("2a37", "zz", "hex")]
    public async Task BadInput_PrintsAClearErrorAndExits1(string uuid, string hex, string expected)
    {
        var (code, stdout, stderr) = await RunAsync(uuid, hex);

        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.StartsWith("error:", stderr, StringComparison.Ordinal);
        Assert.Contains(expected, stderr, StringComparison.OrdinalIgnoreCase);
    }

    private static Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
        => ProcessRunner.RunAsync("bash", [Path.Combine(RepoPaths.Root, "gateway", "decode.sh"), .. args]);

    [GeneratedRegex("""^\$ gateway/decode\.sh (?<uuid>\S+) (?<hex>"[0-9A-Fa-f ]+"|[0-9A-Fa-f]+).*\n(?<output>.+)$""", RegexOptions.Multiline)]
    private static partial Regex ExampleLine();
}
