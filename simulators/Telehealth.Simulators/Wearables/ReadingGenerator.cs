using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Telehealth.Simulators.Wearables;

/// <summary>
/// Produces plausible readings for a device kind (seeded, reproducible) and writes them as MQTT reading payloads
/// (docs/mqtt-contract.md). Values have one decimal so they round-trip exactly through JSON and InfluxDB.
/// </summary>
public sealed class ReadingGenerator(DeviceKind kind, int seed)
{
    private readonly Random _random = new(seed);
    private double _level = kind switch
    {
        DeviceKind.Wearable => 72,
        DeviceKind.Oximeter => 96,
        DeviceKind.BloodPressureCuff => 125,
        DeviceKind.Scale => 82,
        _ => 40,
    };

    public string Metric => kind switch
    {
        DeviceKind.Wearable => "heart_rate",
        DeviceKind.Oximeter => "spo2",
        DeviceKind.BloodPressureCuff => "blood_pressure",
        DeviceKind.Scale => "body_weight",
        _ => "steps",
    };

    public string Unit => kind switch
    {
        DeviceKind.Wearable => "/min",
        DeviceKind.Oximeter => "%",
        DeviceKind.BloodPressureCuff => "mm[Hg]",
        DeviceKind.Scale => "kg",
        _ => "{steps}",
    };

    /// <summary>Next sample's components.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Next()
    {
        switch (kind)
        {
            case DeviceKind.Wearable:
                _level = Math.Clamp(_level + Noise(2), 50, 140);
                return [new("value", Round(_level))];
            case DeviceKind.Oximeter:
                _level = Math.Clamp(_level + Noise(0.5), 90, 100);
                return [new("value", Round(_level))];
            case DeviceKind.BloodPressureCuff:
                _level = Math.Clamp(_level + Noise(3), 95, 170);
                var systolic = Round(_level);
                var diastolic = Round(systolic * 0.63 + Noise(3));
                return [new("systolic", systolic), new("diastolic", diastolic), new("map", Round(diastolic + ((systolic - diastolic) / 3)))];
            case DeviceKind.Scale:
                _level = Math.Clamp(_level + Noise(0.2), 40, 200);
                return [new("value", Round(_level))];
            default:
                return [new("value", Math.Round(Math.Max(0, _level + Noise(15))))];
        }
    }

    /// <summary>Writes a message holding <paramref name="samples"/> (single-sample form when there is one).</summary>
    public byte[] Payload(IReadOnlyList<(long TimeMs, IReadOnlyList<KeyValuePair<string, double>> Values)> samples)
    {
        var buffer = new ArrayBufferWriter<byte>(128 * samples.Count + 64);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("metric", Metric);
            json.WriteString("unit", Unit);
            if (samples.Count == 1)
            {
                WriteSample(json, samples[0].TimeMs, samples[0].Values);
            }
            else
            {
                json.WriteStartArray("samples");
                foreach (var (time, values) in samples)
                {
                    json.WriteStartObject();
                    WriteSample(json, time, values);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A deliberately invalid payload (out-of-range value) to exercise rejection paths.</summary>
    public byte[] InvalidPayload(long timeMs)
        => System.Text.Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $$"""{"metric":"{{Metric}}","unit":"{{Unit}}","ts":{{timeMs}},"value":-1}"""));

    private static void WriteSample(Utf8JsonWriter json, long timeMs, IReadOnlyList<KeyValuePair<string, double>> values)
    {
        json.WriteNumber("ts", timeMs);
        if (values.Count == 1 && values[0].Key == "value")
        {
            json.WriteNumber("value", values[0].Value);
            return;
        }

        json.WriteStartObject("values");
        foreach (var (name, value) in values)
        {
            json.WriteNumber(name, value);
        }

        json.WriteEndObject();
    }

    private double Noise(double scale) => (_random.NextDouble() - 0.5) * 2 * scale;

    private static double Round(double value) => Math.Round(value, 1);
}
