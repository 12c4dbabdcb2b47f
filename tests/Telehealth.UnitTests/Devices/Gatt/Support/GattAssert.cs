using Telehealth.Gateway.Devices.Gatt.Decoding;
using Telehealth.Gateway.Devices.Gatt.Ieee11073;

namespace Telehealth.UnitTests.Devices.Gatt.Support;

/// <summary>Assertions over decoded results.</summary>
public static class GattAssert
{
    public static GattDecodeResult Success(GattDecodeResult result)
    {
        Assert.True(result.IsSuccess, result.Error);
        return result;
    }

    public static string Failure(GattDecodeResult result)
    {
        Assert.False(result.IsSuccess, "expected a failure");
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
        Assert.Empty(result.Readings);
        return result.Error!;
    }

    public static GattReading Reading(GattDecodeResult result, string metric)
    {
        var matches = result.Readings.Where(r => r.Metric == metric).ToList();
        Assert.True(matches.Count == 1, $"expected one {metric} reading, found {matches.Count}");
        return matches[0];
    }

    public static void NoReading(GattDecodeResult result, string metric) =>
        Assert.DoesNotContain(result.Readings, r => r.Metric == metric);

    /// <summary>A number lands in Values (converted), a special value lands only in SpecialValues.</summary>
    public static void Component(GattReading reading, string component, Ieee11073Number expected, Func<double, double>? convert = null)
    {
        if (expected.IsNumber)
        {
            var value = GattGen.ExpectedValue(expected);
            Assert.Equal(convert is null ? value : convert(value), reading.Values[component], 1e-9);
            Assert.False(reading.SpecialValues.ContainsKey(component));
        }
        else
        {
            Assert.False(reading.Values.ContainsKey(component), $"{component} is {expected.Special} and must not be a number");
            Assert.Equal(expected.Special.ToToken(), reading.SpecialValues[component]);
        }
    }

    public static void Field(GattDecodeResult result, string name, Ieee11073Number expected)
    {
        if (expected.IsNumber)
        {
            Assert.Equal(GattGen.ExpectedValue(expected), Assert.IsType<double>(result.Fields[name]));
        }
        else
        {
            Assert.Equal(expected.Special.ToToken(), Assert.IsType<string>(result.Fields[name]));
        }
    }

    public static void Field(GattDecodeResult result, string name, object expected) =>
        Assert.Equal(expected, result.Fields[name]);

    public static void NoField(GattDecodeResult result, string name) =>
        Assert.False(result.Fields.ContainsKey(name), $"unexpected field {name}");

    public static void DeviceTime(GattDecodeResult result, RawDateTime? sent, TimeSpan zone)
    {
        if (sent is null)
        {
            Assert.Null(result.DeviceTime);
            NoField(result, GattFieldNames.DeviceTimeUnknown);
            return;
        }

        Assert.Equal(sent.Expected(zone), result.DeviceTime);
        Assert.Equal(sent.IsUnknown, result.Fields[GattFieldNames.DeviceTimeUnknown]);
    }
}
