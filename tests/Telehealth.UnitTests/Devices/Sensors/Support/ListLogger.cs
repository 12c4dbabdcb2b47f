using Microsoft.Extensions.Logging;

namespace Telehealth.UnitTests.Devices.Sensors.Support;

/// <summary>A logger that keeps its entries so tests can assert what was logged.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    private readonly object _gate = new();
    private readonly List<(LogLevel Level, EventId EventId, string Message, Exception? Error)> _entries = [];

    public IReadOnlyList<(LogLevel Level, EventId EventId, string Message, Exception? Error)> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        lock (_gate)
        {
            _entries.Add((logLevel, eventId, formatter(state, exception), exception));
        }
    }
}
