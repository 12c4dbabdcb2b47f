using System.Globalization;

namespace Telehealth.Simulators.Bench.Buffer;

/// <summary>The readable body of <c>bench-buffer</c>: one line per figure as soon as it is measured, invariant culture.</summary>
public static class BufferBenchReport
{
    public static void Line(FormattableString text) => Console.WriteLine(text.ToString(CultureInfo.InvariantCulture));
}
