using System.Text.RegularExpressions;
using Telehealth.IntegrationTests.Fixtures;

namespace Telehealth.IntegrationTests.Deploy;

/// <summary>
/// The main job, <c>deploy/local/up.sh</c>, run as a user runs it (two citizens, MQTT devices with invalid messages
/// mixed in, citizen 1's wired and BLE kit): every reading sent is stored and nothing is lost.
/// </summary>
public sealed partial class UpScriptTests
{
    [Fact]
    public async Task UpScript_ShortRun_StoresEveryReadingSent_AndLosesNone()
    {
        var (code, stdout, stderr) = await ProcessRunner.RunAsync("bash",
            Path.Combine(RepoPaths.Root, "deploy", "local", "up.sh"), "--duration", "15s", "--citizens", "2", "--invalid-every", "5");

        var lastLine = stdout.Split('\n').LastOrDefault(l => l.StartsWith("summary:", StringComparison.Ordinal)) ?? "";
        Assert.True(code == 0, $"up.sh exited {code}\n{stdout}\n{stderr}");
        var summary = Summary().Match(lastLine);
        Assert.True(summary.Success, "no summary line:\n" + stdout + "\n" + stderr);
        Assert.True(long.Parse(summary.Groups["sent"].Value, System.Globalization.CultureInfo.InvariantCulture) > 0, lastLine);
        Assert.Equal(summary.Groups["sent"].Value, summary.Groups["stored"].Value);
        Assert.Equal("0", summary.Groups["lost"].Value);
        Assert.NotEqual("0", summary.Groups["rejected"].Value); // the invalid messages up.sh mixes in are refused, not stored
    }

    [GeneratedRegex(@"^summary: sent=(?<sent>\d+) stored=(?<stored>\d+) rejected=(?<rejected>\d+) lost=(?<lost>\d+)$")]
    private static partial Regex Summary();
}
