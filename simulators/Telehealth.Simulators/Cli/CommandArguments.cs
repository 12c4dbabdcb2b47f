using System.Globalization;

namespace Telehealth.Simulators.Cli;

/// <summary>Reads <c>--name value</c> options and flags; unknown or malformed options are clear errors.</summary>
public sealed class CommandArguments
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public CommandArguments(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || name.Length == 2)
            {
                throw new UsageException($"unexpected argument '{name}'");
            }

            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                _values[name[2..eq]] = name[(eq + 1)..];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                _values[name[2..]] = args[++i];
            }
            else
            {
                _values[name[2..]] = null;
            }
        }
    }

    public string Text(string name, string fallback) => Get(name) ?? fallback;

    public string? OptionalString(string name) => Get(name);

    public bool Flag(string name)
    {
        _used.Add(name);
        return _values.ContainsKey(name);
    }

    public int WholeNumber(string name, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        var text = Get(name);
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new UsageException($"--{name} must be a whole number in [{min}, {max}], got '{text}'");
        }

        return value;
    }

    public double Number(string name, double fallback, double min = double.MinValue, double max = double.MaxValue)
    {
        var text = Get(name);
        if (text is null)
        {
            return fallback;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new UsageException($"--{name} must be a number in [{min}, {max}], got '{text}'");
        }

        return value;
    }

    /// <summary>A duration like <c>30s</c>, <c>2m</c>, <c>1h</c>, <c>500ms</c> or plain seconds.</summary>
    public TimeSpan? Duration(string name)
    {
        var text = Get(name);
        if (text is null)
        {
            return null;
        }

        return ParseDuration(text) ?? throw new UsageException($"--{name} must be a duration like 30s, 2m, 1h or 500ms, got '{text}'");
    }

    /// <summary>Fails on options nobody asked for (typos).</summary>
    public void EnsureAllUsed()
    {
        foreach (var name in _values.Keys)
        {
            if (!_used.Contains(name))
            {
                throw new UsageException($"unknown option --{name}");
            }
        }
    }

    public static TimeSpan? ParseDuration(string text)
    {
        var (number, scale) = text switch
        {
            _ when text.EndsWith("ms", StringComparison.Ordinal) => (text[..^2], 0.001),
            _ when text.EndsWith('s') => (text[..^1], 1.0),
            _ when text.EndsWith('m') => (text[..^1], 60.0),
            _ when text.EndsWith('h') => (text[..^1], 3600.0),
            _ => (text, 1.0),
        };
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? TimeSpan.FromSeconds(value * scale)
            : null;
    }

    private string? Get(string name)
    {
        _used.Add(name);
        if (!_values.TryGetValue(name, out var value))
        {
            return null;
        }

        return value ?? throw new UsageException($"--{name} needs a value");
    }
}
