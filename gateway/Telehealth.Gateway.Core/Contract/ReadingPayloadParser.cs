using System.Globalization;
using System.Text.Json;
using Telehealth.Gateway.Core.Readings;
using Telehealth.Ingest.Contracts.Metrics;

namespace Telehealth.Gateway.Core.Contract;

/// <summary>
/// Parses and validates the JSON payload of an MQTT reading message (docs/mqtt-contract.md,
/// docs/mqtt-reading.schema.json). Never throws for bad input: every refusal carries a reason.
/// </summary>
public static class ReadingPayloadParser
{
    /// <summary>
    /// Parses <paramref name="payload"/> published by <paramref name="deviceId"/>, received at <paramref name="receivedAtMs"/>
    /// (gateway clock). <paramref name="trustedNowMs"/> is the current time the device times are judged against for
    /// "too far in the future"; by default the gateway clock. Pass null when the gateway clock is not trusted (no offset
    /// against the ingest measured yet): then only times before 2000 are refused here and the ingest judges the rest.
    /// </summary>
    public static ReadingParseResult Parse(ReadOnlySpan<byte> payload, string deviceId, long receivedAtMs)
        => Parse(payload, deviceId, receivedAtMs, receivedAtMs);

    /// <inheritdoc cref="Parse(ReadOnlySpan{byte}, string, long)"/>
    public static ReadingParseResult Parse(ReadOnlySpan<byte> payload, string deviceId, long receivedAtMs, long? trustedNowMs)
    {
        if (payload.IsEmpty)
        {
            return ReadingParseResult.Invalid("payload is empty");
        }

        if (payload.Length > ReadingPayloadLimits.MaxPayloadBytes)
        {
            return ReadingParseResult.Invalid($"payload exceeds {ReadingPayloadLimits.MaxPayloadBytes} bytes");
        }

        RawMessage message;
        try
        {
            var reader = new Utf8JsonReader(payload, new JsonReaderOptions { MaxDepth = ReadingPayloadLimits.MaxDepth });
            message = ReadMessage(ref reader);
        }
        catch (JsonException ex)
        {
            return ReadingParseResult.Invalid("payload is not valid JSON: " + FirstLine(ex.Message));
        }
        catch (FormatException ex)
        {
            return ReadingParseResult.Invalid(ex.Message);
        }
        catch (InvalidOperationException ex) when (ex.InnerException is System.Text.DecoderFallbackException)
        {
            return ReadingParseResult.Invalid("payload is not valid UTF-8");
        }

        return Validate(message, deviceId, receivedAtMs, trustedNowMs);
    }

    private static ReadingParseResult Validate(RawMessage message, string deviceId, long receivedAtMs, long? trustedNowMs)
    {
        if (message.Metric is null)
        {
            return ReadingParseResult.Invalid("metric is missing");
        }

        if (message.Unit is null)
        {
            return ReadingParseResult.Invalid("unit is missing");
        }

        if (message.Samples.Count == 0)
        {
            return ReadingParseResult.Invalid("no sample: give ts with value/values, or a samples array");
        }

        var latestAllowed = trustedNowMs is { } now ? now + (long)ReadingPayloadLimits.MaxClockAhead.TotalMilliseconds : long.MaxValue;
        var readings = new DeviceReading[message.Samples.Count];
        HashSet<long>? seen = message.Samples.Count > 1 ? [] : null;
        for (var i = 0; i < readings.Length; i++)
        {
            var sample = message.Samples[i];
            var where = message.Samples.Count > 1 ? $"samples[{i}]: " : "";
            if (sample.TimeMs is not { } ts)
            {
                return ReadingParseResult.Invalid(where + "ts is missing");
            }

            if (ts < ReadingPayloadLimits.MinDeviceTimeMs || ts > latestAllowed)
            {
                return ReadingParseResult.Invalid(where + $"ts {FormatMs(ts)} is impossible (before 2000 or more than {ReadingPayloadLimits.MaxClockAhead.TotalMinutes:0} min ahead of the gateway clock)");
            }

            if (seen is not null && !seen.Add(ts))
            {
                return ReadingParseResult.Invalid(where + $"ts {FormatMs(ts)} repeats within the message (one sample per metric per millisecond)");
            }

            if (sample.Values is null)
            {
                return ReadingParseResult.Invalid(where + "value or values is missing");
            }

            var error = ReadingValidator.Validate(message.Metric, message.Unit, sample.Values);
            if (error is not null)
            {
                return ReadingParseResult.Invalid(where + error);
            }

            readings[i] = new DeviceReading(deviceId, message.Metric, message.Unit, ts, receivedAtMs, sample.Values);
        }

        return ReadingParseResult.Ok(readings);
    }

    private static RawMessage ReadMessage(ref Utf8JsonReader reader)
    {
        var message = new RawMessage();
        var top = new RawSample();
        Expect(ref reader, JsonTokenType.StartObject, "payload must be a JSON object");
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            var name = reader.GetString() ?? "";
            Next(ref reader);
            switch (name)
            {
                case "metric":
                    message.Metric = ReadString(ref reader, "metric");
                    break;
                case "unit":
                    message.Unit = ReadString(ref reader, "unit");
                    break;
                case "samples":
                    ReadSamples(ref reader, message.Samples);
                    break;
                default:
                    if (!TryReadSampleProperty(ref reader, name, top))
                    {
                        throw new FormatException($"unknown property '{Clip(name)}'");
                    }

                    break;
            }
        }

        if (top.TimeMs is not null || top.Values is not null)
        {
            if (message.Samples.Count > 0)
            {
                throw new FormatException("give either top-level ts/value(s) or a samples array, not both");
            }

            message.Samples.Add(top);
        }

        if (reader.Read())
        {
            throw new FormatException("trailing data after the JSON object");
        }

        return message;
    }

    private static void ReadSamples(ref Utf8JsonReader reader, List<RawSample> samples)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new FormatException("samples must be an array");
        }

        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            if (samples.Count == ReadingPayloadLimits.MaxSamples)
            {
                throw new FormatException($"more than {ReadingPayloadLimits.MaxSamples} samples in one message");
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new FormatException($"samples[{samples.Count}] must be an object");
            }

            var sample = new RawSample();
            while (Next(ref reader) != JsonTokenType.EndObject)
            {
                var name = reader.GetString() ?? "";
                Next(ref reader);
                if (!TryReadSampleProperty(ref reader, name, sample))
                {
                    throw new FormatException($"samples[{samples.Count}]: unknown property '{Clip(name)}'");
                }
            }

            samples.Add(sample);
        }
    }

    private static bool TryReadSampleProperty(ref Utf8JsonReader reader, string name, RawSample sample)
    {
        switch (name)
        {
            case "ts":
                sample.TimeMs = ReadTime(ref reader);
                return true;
            case "value":
                if (sample.Values is not null)
                {
                    throw new FormatException("give value or values, not both");
                }

                sample.Values = new Dictionary<string, double>(1, StringComparer.Ordinal) { [MetricDefinition.SingleValue] = ReadNumber(ref reader, "value") };
                return true;
            case "values":
                if (sample.Values is not null)
                {
                    throw new FormatException("give value or values, not both");
                }

                sample.Values = ReadValues(ref reader);
                return true;
            default:
                return false;
        }
    }

    private static Dictionary<string, double> ReadValues(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new FormatException("values must be an object of component name to number");
        }

        var values = new Dictionary<string, double>(4, StringComparer.Ordinal);
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            var name = reader.GetString() ?? "";
            Next(ref reader);
            if (!values.TryAdd(name, ReadNumber(ref reader, "values." + Clip(name))))
            {
                throw new FormatException($"component '{Clip(name)}' appears twice");
            }
        }

        return values;
    }

    private static long ReadTime(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (!reader.TryGetInt64(out var ms))
            {
                throw new FormatException("ts must be whole Unix epoch milliseconds or an RFC 3339 string");
            }

            return ms;
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString() ?? "";
            if (text.Length < 20 || text[10] != 'T' || !HasOffset(text)
                || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                throw new FormatException($"ts '{Clip(text)}' is not an RFC 3339 timestamp with offset (e.g. 2026-11-24T10:00:00.000Z)");
            }

            return time.ToUnixTimeMilliseconds();
        }

        throw new FormatException("ts must be whole Unix epoch milliseconds or an RFC 3339 string");
    }

    private static bool HasOffset(string text)
    {
        var last = text[^1];
        if (last is 'Z' or 'z')
        {
            return true;
        }

        return text.Length >= 6 && text[^6] is '+' or '-' && text[^3] == ':';
    }

    private static double ReadNumber(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var value) || !double.IsFinite(value))
        {
            throw new FormatException($"{what} must be a finite JSON number");
        }

        return value;
    }

    private static string ReadString(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new FormatException($"{what} must be a string");
        }

        return reader.GetString() ?? "";
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new FormatException("payload ends early: incomplete JSON");
        }

        return reader.TokenType;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string error)
    {
        if (Next(ref reader) != type)
        {
            throw new FormatException(error);
        }
    }

    private static string FormatMs(long ms)
        => ms is >= -62_135_596_800_000 and <= 253_402_300_799_999
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)
            : ms.ToString(CultureInfo.InvariantCulture);

    private static string Clip(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }

    private sealed class RawMessage
    {
        public string? Metric { get; set; }

        public string? Unit { get; set; }

        public List<RawSample> Samples { get; } = [];
    }

    private sealed class RawSample
    {
        public long? TimeMs { get; set; }

        public Dictionary<string, double>? Values { get; set; }
    }
}
