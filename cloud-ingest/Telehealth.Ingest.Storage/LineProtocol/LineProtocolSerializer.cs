using System.Buffers;
using System.Globalization;
using Telehealth.Ingest.Contracts.Batches;

namespace Telehealth.Ingest.Storage.LineProtocol;

/// <summary>
/// Turns readings into InfluxDB line protocol (docs/influxdb-schema.md), byte-identical to
/// <c>PointData.Measurement(metric).Tag("device", …).Tag("patient", …).Field(component, double)…
/// .Field("received_ms", long).Timestamp(deviceTimeMs, WritePrecision.Ms).ToLineProtocol()</c>,
/// without building a <c>PointData</c> or a string per line. Each line ends with <c>'\n'</c>.
/// Doubles are written as InfluxDB.Client 5.1.0 writes them: the shortest round-trip form, invariant culture
/// (<c>double.ToString(CultureInfo.InvariantCulture)</c>, e.g. <c>0.1</c>, <c>1E+21</c>), not "G17".
/// Tags and fields are in ordinal key order (PointData's sorted dictionaries compare ordinally under our
/// InvariantGlobalization).
/// </summary>
public static class LineProtocolSerializer
{
    /// <summary>Tag carrying <see cref="IngestReading.DeviceId"/>.</summary>
    public const string DeviceTag = "device";

    /// <summary>Tag carrying the batch's pseudonymous patient id.</summary>
    public const string PatientTag = "patient";

    /// <summary>Integer field carrying <see cref="IngestReading.ReceivedAtMs"/>.</summary>
    public const string ReceivedField = "received_ms";

    /// <summary>Writes one line per reading.</summary>
    /// <exception cref="ArgumentException">A reading that cannot become a well-formed point (see <see cref="Check"/>).</exception>
    public static void Write(IBufferWriter<byte> output, string patientId, IReadOnlyList<IngestReading> readings)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(readings);
        for (var i = 0; i < readings.Count; i++)
        {
            WriteLine(output, patientId, readings[i]);
        }
    }

    /// <summary>Writes one reading as one line, terminated by <c>'\n'</c>.</summary>
    public static void WriteLine(IBufferWriter<byte> output, string patientId, IngestReading reading)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(reading);
        var problem = Check(patientId, reading);
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(reading));
        }

        WriteCheckedLine(output, patientId, reading);
    }

    /// <summary>
    /// Writes one reading that <see cref="Check"/> has already passed (null) as one line, without checking it again:
    /// for the ingest's hot path, which checks every reading while it validates the batch.
    /// </summary>
    public static void WriteCheckedLine(IBufferWriter<byte> output, string patientId, IngestReading reading)
    {
        WriteSeriesKey(output, patientId, reading);
        WriteFieldsAndTime(output, reading);
    }

    /// <summary>
    /// The first part of a checked reading's line: measurement and tags and the space after them
    /// (<c>metric,device=…,patient=… </c>). Equal for consecutive readings of one metric from one device, so a
    /// caller may copy it instead of writing it again.
    /// </summary>
    public static void WriteSeriesKey(IBufferWriter<byte> output, string patientId, IngestReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        WriteSeriesKey(output, patientId, reading.Metric, reading.DeviceId);
    }

    /// <summary>The series key of a checked reading of <paramref name="metric"/> from <paramref name="deviceId"/>.</summary>
    public static void WriteSeriesKey(IBufferWriter<byte> output, string patientId, string metric, string deviceId)
    {
        ArgumentNullException.ThrowIfNull(output);
        LineProtocolText.WriteMeasurement(output, metric);

        // Tags in ordinal key order: "device" < "patient".
        LineProtocolText.WriteRaw(output, ",device="u8);
        LineProtocolText.WriteKey(output, deviceId);
        LineProtocolText.WriteRaw(output, ",patient="u8);
        LineProtocolText.WriteKey(output, patientId);
        LineProtocolText.WriteRaw(output, " "u8);
    }

    /// <summary>The rest of a checked reading's line after <see cref="WriteSeriesKey"/>: fields, timestamp, <c>'\n'</c>.</summary>
    public static void WriteFieldsAndTime(IBufferWriter<byte> output, IngestReading reading)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(reading);
        WriteFields(output, reading);

        LineProtocolText.WriteRaw(output, " "u8);
        WriteFormatted(output, reading.DeviceTimeMs, default);
        LineProtocolText.WriteRaw(output, "\n"u8);
    }

    /// <summary>
    /// Returns null when the reading can be written, else why not: empty or ambiguous names
    /// (<see cref="LineProtocolText.IsWritable"/>), no values, a non-finite value, or a component named
    /// <see cref="ReceivedField"/>. Plausibility is the ingest's job (<c>ReadingValidator</c>), not this one's.
    /// </summary>
    public static string? Check(string? patientId, IngestReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (!LineProtocolText.IsWritable(patientId))
        {
            return "patient id is empty or ends in (or has before a separator) a backslash";
        }

        if (!LineProtocolText.IsWritable(reading.DeviceId))
        {
            return "device id is empty or ends in (or has before a separator) a backslash";
        }

        if (!LineProtocolText.IsWritable(reading.Metric))
        {
            return "metric is empty or ends in (or has before a separator) a backslash";
        }

        if (reading.Values is null || reading.Values.Count == 0)
        {
            return "reading has no values";
        }

        foreach (var (name, value) in reading.Values)
        {
            if (!LineProtocolText.IsWritable(name))
            {
                return "a component name is empty or ends in (or has before a separator) a backslash";
            }

            if (string.Equals(name, ReceivedField, StringComparison.Ordinal))
            {
                return $"component name '{ReceivedField}' is reserved";
            }

            if (!double.IsFinite(value))
            {
                return "a component value is not a finite number";
            }
        }

        return null;
    }

    private static void WriteFields(IBufferWriter<byte> output, IngestReading reading)
    {
        // Fields in ordinal key order, received_ms among them, as PointData sorts them.
        var count = reading.Values.Count;
        if (count == 1)
        {
            WriteSingleField(output, reading);
            return;
        }

        var names = ArrayPool<string>.Shared.Rent(count);
        try
        {
            var n = 0;
            foreach (var name in reading.Values.Keys)
            {
                var at = n++;
                while (at > 0 && string.CompareOrdinal(names[at - 1], name) > 0)
                {
                    names[at] = names[at - 1];
                    at--;
                }

                names[at] = name;
            }

            var receivedWritten = false;
            for (var i = 0; i < n; i++)
            {
                if (!receivedWritten && string.CompareOrdinal(ReceivedField, names[i]) < 0)
                {
                    WriteReceived(output, reading.ReceivedAtMs);
                    LineProtocolText.WriteRaw(output, ","u8);
                    receivedWritten = true;
                }

                LineProtocolText.WriteKey(output, names[i]);
                LineProtocolText.WriteRaw(output, "="u8);
                WriteDouble(output, reading.Values[names[i]]);
                if (i < n - 1 || !receivedWritten)
                {
                    LineProtocolText.WriteRaw(output, ","u8);
                }
            }

            if (!receivedWritten)
            {
                WriteReceived(output, reading.ReceivedAtMs);
            }
        }
        finally
        {
            Array.Clear(names, 0, count);
            ArrayPool<string>.Shared.Return(names);
        }
    }

    private static void WriteSingleField(IBufferWriter<byte> output, IngestReading reading)
    {
        foreach (var (name, value) in reading.Values)
        {
            var receivedFirst = string.CompareOrdinal(ReceivedField, name) < 0;
            if (receivedFirst)
            {
                WriteReceived(output, reading.ReceivedAtMs);
                LineProtocolText.WriteRaw(output, ","u8);
            }

            LineProtocolText.WriteKey(output, name);
            LineProtocolText.WriteRaw(output, "="u8);
            WriteDouble(output, value);
            if (!receivedFirst)
            {
                LineProtocolText.WriteRaw(output, ","u8);
                WriteReceived(output, reading.ReceivedAtMs);
            }
        }
    }

    private static void WriteReceived(IBufferWriter<byte> output, long receivedAtMs)
    {
        LineProtocolText.WriteRaw(output, "received_ms="u8);
        WriteFormatted(output, receivedAtMs, default);
        LineProtocolText.WriteRaw(output, "i"u8);
    }

    /// <summary>A field value as <c>double.ToString(InvariantCulture)</c> writes it (<see cref="FormatValue"/>).</summary>
    private static void WriteDouble(IBufferWriter<byte> output, double value)
    {
        output.Advance(FormatValue(output.GetSpan(32), value));
    }

    /// <summary>
    /// Writes a field value into <paramref name="destination"/> (at least 32 bytes) as <c>double.ToString(InvariantCulture)</c>
    /// writes it and returns the bytes written. Whole numbers below 10^15 (most readings: heart rate, steps, SpO2) print as
    /// their integer digits in that form too, so they take the cheaper integer formatting; negative zero ("-0") and
    /// everything else take the shortest round-trip double formatting.
    /// </summary>
    public static int FormatValue(Span<byte> destination, double value)
    {
        bool formatted;
        int written;
        if (Math.Abs(value) < 1e15 && value == Math.Floor(value) && (value != 0 || !double.IsNegative(value)))
        {
            formatted = ((long)value).TryFormat(destination, out written, default, CultureInfo.InvariantCulture);
        }
        else
        {
            formatted = value.TryFormat(destination, out written, default, CultureInfo.InvariantCulture);
        }

        return formatted ? written : throw new InvalidOperationException("A number did not fit in its buffer.");
    }

    private static void WriteFormatted<T>(IBufferWriter<byte> output, T value, ReadOnlySpan<char> format)
        where T : IUtf8SpanFormattable
    {
        var span = output.GetSpan(32);
        if (!value.TryFormat(span, out var written, format, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("A number did not fit in 32 bytes.");
        }

        output.Advance(written);
    }
}
