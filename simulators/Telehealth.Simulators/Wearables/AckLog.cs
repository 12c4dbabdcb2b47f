using System.Globalization;
using System.Text;

namespace Telehealth.Simulators.Wearables;

/// <summary>
/// Records every sample the gateway acknowledged (PUBACK success), one line each:
/// <c>device TAB metric TAB device_ms TAB name=value;name=value</c>. Tests compare it with InfluxDB.
/// The same format also serves as a log of published samples (<see cref="SimulatedDevice.PublishedLog"/>);
/// <see cref="Read"/> reads either back.
/// </summary>
public sealed class AckLog : IAsyncDisposable
{
    private readonly StreamWriter? _writer;
    private readonly Lock _lock = new();

    public AckLog(string? path)
    {
        if (path is not null)
        {
            _writer = new StreamWriter(path, append: true, new UTF8Encoding(false)) { AutoFlush = false };
        }
    }

    public void Record(string device, string metric, IReadOnlyList<(long TimeMs, IReadOnlyList<KeyValuePair<string, double>> Values)> samples)
    {
        if (_writer is null)
        {
            return;
        }

        var text = new StringBuilder();
        foreach (var (time, values) in samples)
        {
            text.Append(device).Append('\t').Append(metric).Append('\t').Append(time.ToString(CultureInfo.InvariantCulture)).Append('\t');
            for (var i = 0; i < values.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(';');
                }

                text.Append(values[i].Key).Append('=').Append(values[i].Value.ToString("R", CultureInfo.InvariantCulture));
            }

            text.Append('\n');
        }

        lock (_lock)
        {
            _writer.Write(text);
        }
    }

    /// <summary>Reads a file written by an <see cref="AckLog"/>; an unfinished last line (a killed writer) is skipped.</summary>
    public static IReadOnlyList<LoggedSample> Read(string path)
    {
        var result = new List<LoggedSample>();
        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split('\t');
            if (parts.Length != 4 || !long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var timeMs))
            {
                continue;
            }

            var values = new List<KeyValuePair<string, double>>();
            foreach (var pair in parts[3].Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0 && double.TryParse(pair.AsSpan(eq + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    values.Add(new(pair[..eq], value));
                }
            }

            result.Add(new LoggedSample(parts[0], parts[1], timeMs, values));
        }

        return result;
    }

    public void Flush()
    {
        lock (_lock)
        {
            _writer?.Flush();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }
    }
}
