using System.Text;
using Telehealth.Simulators.Cli;

namespace Telehealth.Simulators.Bench.Buffer;

/// <summary>
/// The runtime settings of the gateway's systemd unit: its <c>Environment=DOTNET_…</c> (.NET runtime) and
/// <c>Environment=MALLOC_…</c> (glibc allocator) variables. The buffer benchmark starts its gateways with them, so it
/// measures the runtime configuration that ships (GC mode, gen0 budget, malloc arenas) rather than a bare
/// <c>dotnet</c> run; the unit's other variables (paths, identity) are the benchmark's own.
/// </summary>
public static class DeployedRuntimeEnvironment
{
    private static readonly string[] Prefixes = ["DOTNET_", "MALLOC_"];

    /// <summary>Reads the <c>DOTNET_*</c> and <c>MALLOC_*</c> variables set by the unit at <paramref name="unitPath"/>, in file order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> FromUnit(string unitPath)
    {
        if (!File.Exists(unitPath))
        {
            throw new UsageException($"--gateway-unit: no systemd unit at '{unitPath}'");
        }

        return Parse(File.ReadAllLines(unitPath));
    }

    /// <summary>
    /// The <c>DOTNET_*</c> and <c>MALLOC_*</c> assignments of the <c>Environment=</c> lines of a unit's text (several assignments per line,
    /// double-quoted ones included; comments ignored).
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(IEnumerable<string> lines)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (!line.StartsWith("Environment=", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var assignment in Words(line["Environment=".Length..]))
            {
                var eq = assignment.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    throw new UsageException($"systemd unit: cannot read the assignment '{assignment}' in '{line}'");
                }

                var key = assignment[..eq];
                if (Array.Exists(Prefixes, prefix => key.StartsWith(prefix, StringComparison.Ordinal)))
                {
                    result.RemoveAll(pair => pair.Key == key); // a later assignment wins, as in systemd
                    result.Add(new KeyValuePair<string, string>(key, assignment[(eq + 1)..]));
                }
            }
        }

        return result;
    }

    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
                any = true;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (any)
                {
                    yield return word.ToString();
                }

                word.Clear();
                any = false;
            }
            else
            {
                word.Append(c);
                any = true;
            }
        }

        if (quoted)
        {
            throw new UsageException($"systemd unit: unbalanced quotes in 'Environment={text}'");
        }

        if (any)
        {
            yield return word.ToString();
        }
    }
}
