namespace Telehealth.Simulators.Cli;

/// <summary>
/// A live progress line on stderr: redrawn in place on a terminal, one line every few seconds otherwise (CI logs).
/// </summary>
public sealed class ProgressLine(TimeProvider time)
{
    private readonly bool _interactive = !Console.IsErrorRedirected;
    private long _lastPrinted = long.MinValue;

    public void Report(string text, bool force = false)
    {
        var now = time.GetTimestamp();
        var every = _interactive ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(5);
        if (!force && _lastPrinted != long.MinValue && time.GetElapsedTime(_lastPrinted, now) < every)
        {
            return;
        }

        _lastPrinted = now;
        if (_interactive)
        {
            Console.Error.Write("\r\u001b[2K" + text);
        }
        else
        {
            Console.Error.WriteLine(text);
        }
    }

    public void Done()
    {
        if (_interactive && _lastPrinted != long.MinValue)
        {
            Console.Error.WriteLine();
        }
    }
}
