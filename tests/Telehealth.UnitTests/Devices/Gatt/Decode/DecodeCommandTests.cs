using System.Text.Json;
using Telehealth.Gateway.Devices.Gatt.Decode;

namespace Telehealth.UnitTests.Devices.Gatt.Decode;

public sealed class DecodeCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = DecodeCommand.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Run_HeartRate_PrintsOneJsonLineAndReturnsZero()
    {
        var (code, output, error) = Run("2a37", "16 48 00 04");

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Equal(output.TrimEnd('\n'), output.Trim());
        Assert.DoesNotContain('\n', output.TrimEnd('\n'));
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("Heart Rate Measurement", root.GetProperty("characteristic").GetString());
        Assert.Equal("0x2A37", root.GetProperty("uuid").GetString());
        var first = root.GetProperty("readings")[0];
        Assert.Equal("heart_rate", first.GetProperty("metric").GetString());
        Assert.Equal("/min", first.GetProperty("unit").GetString());
        Assert.Equal(72, first.GetProperty("values").GetProperty("value").GetDouble());
        Assert.Equal("detected", root.GetProperty("flags").GetProperty("sensor_contact").GetString());
        Assert.False(root.TryGetProperty("deviceTime", out _));
    }

    [Fact]
    public void Run_BloodPressureWithTimestampAndNaN_PrintsDeviceTimeAndSpecial()
    {
        var (code, output, _) = Run("00002a35-0000-1000-8000-00805f9b34fb", "0x02:78:00:50:00:FF:07:EA:07:0B:18:0A:1E:0F");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("2026-11-24T10:30:15+00:00", root.GetProperty("deviceTime").GetString());
        var bp = root.GetProperty("readings")[0];
        Assert.Equal("mm[Hg]", bp.GetProperty("unit").GetString());
        Assert.Equal("nan", bp.GetProperty("special").GetProperty("map").GetString());
        Assert.False(bp.GetProperty("values").TryGetProperty("map", out _));
    }

    [Fact]
    public void Run_SpecialTokens_AreNotEscaped()
    {
        var (_, output, _) = Run("0x2A1C", "00 FE FF 7F 00");

        Assert.Contains("\"+inf\"", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "error: expected 2 arguments, got 0")]
    [InlineData(new[] { "2a37" }, "error: expected 2 arguments, got 1")]
    [InlineData(new[] { "2a37", "06", "48" }, "error: expected 2 arguments, got 3")]
    public void Run_WrongArgumentCount_PrintsUsageAndReturnsOne(string[] args, string message)
    {
        var (code, output, error) = Run(args);

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.StartsWith(message, error, StringComparison.Ordinal);
        Assert.Contains("usage: decode <characteristic-uuid> <hex-bytes>", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownCharacteristic_ListsKnownOnesAndReturnsOne()
    {
        var (code, output, error) = Run("2a19", "64");

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.StartsWith("error: unknown characteristic '2a19'; known: 0x2A1C Temperature Measurement", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BadHex_ReturnsOne()
    {
        var (code, output, error) = Run("2a37", "zz");

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.StartsWith("error: bad hex bytes 'zz': 'z' in 'zz' is not a hex digit", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MalformedValue_SaysWhyAndReturnsOne()
    {
        var (code, output, error) = Run("2a37", "10 48 00");

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.StartsWith("error: malformed Heart Rate Measurement (0x2A37) value [10 48 00]: value too short: RR-Interval #1", error, StringComparison.Ordinal);
    }
}
