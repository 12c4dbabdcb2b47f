using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Telehealth.Gateway.Devices.Gatt.Decoding;

namespace Telehealth.Gateway.Devices.Gatt.Decode;

/// <summary>Writes a successful <see cref="GattDecodeResult"/> as one line of JSON.</summary>
public static class GattResultJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// {"characteristic":…,"uuid":"0x2A37","readings":[{"metric":…,"unit":…,"values":{…},"special":{…}}],
    /// "deviceTime":"2026-11-24T10:30:00+00:00","flags":{…}}; deviceTime only when the value has one.
    /// </summary>
    public static string Write(GattDecodeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteString("characteristic", result.CharacteristicName);
            json.WriteString("uuid", GattUuid.Format(result.Characteristic));
            json.WriteStartArray("readings");
            foreach (var reading in result.Readings)
            {
                WriteReading(json, reading);
            }

            json.WriteEndArray();
            if (result.DeviceTime is { } deviceTime)
            {
                json.WriteString("deviceTime", deviceTime.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
            }

            json.WriteStartObject("flags");
            foreach (var (name, value) in result.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                json.WritePropertyName(name);
                WriteValue(json, value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteReading(Utf8JsonWriter json, GattReading reading)
    {
        json.WriteStartObject();
        json.WriteString("metric", reading.Metric);
        json.WriteString("unit", reading.Unit);
        json.WriteStartObject("values");
        foreach (var (component, value) in reading.Values)
        {
            json.WriteNumber(component, value);
        }

        json.WriteEndObject();
        if (reading.SpecialValues.Count > 0)
        {
            json.WriteStartObject("special");
            foreach (var (component, token) in reading.SpecialValues)
            {
                json.WriteString(component, token);
            }

            json.WriteEndObject();
        }

        if (reading.TimeOffset != TimeSpan.Zero)
        {
            json.WriteNumber("timeOffsetMs", reading.TimeOffset.TotalMilliseconds);
        }

        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, object value)
    {
        switch (value)
        {
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case long integer:
                json.WriteNumberValue(integer);
                break;
            case double number:
                json.WriteNumberValue(number);
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case IEnumerable<double> numbers:
                json.WriteStartArray();
                foreach (var number in numbers)
                {
                    json.WriteNumberValue(number);
                }

                json.WriteEndArray();
                break;
            case IEnumerable<string> texts:
                json.WriteStartArray();
                foreach (var text in texts)
                {
                    json.WriteStringValue(text);
                }

                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
