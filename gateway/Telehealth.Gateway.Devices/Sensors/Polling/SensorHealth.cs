namespace Telehealth.Gateway.Devices.Sensors.Polling;

/// <summary>Counters of one sensor adapter, safe to read from any thread (for health reports and tests).</summary>
public sealed class SensorHealth
{
    private long _samples;
    private long _busErrors;
    private long _sinkErrors;
    private long _opens;
    private long _notReady;
    private int _consecutiveErrors;
    private string? _lastError;

    /// <summary>Samples read successfully.</summary>
    public long Samples => Interlocked.Read(ref _samples);

    /// <summary>Failed reads or opens: I/O errors, a vanished device, a wrong identity, implausible data.</summary>
    public long BusErrors => Interlocked.Read(ref _busErrors);

    /// <summary>Readings the buffer refused (full or failing).</summary>
    public long SinkErrors => Interlocked.Read(ref _sinkErrors);

    /// <summary>Times the device was opened (initialised) successfully; more than one means it was re-initialised.</summary>
    public long Opens => Interlocked.Read(ref _opens);

    /// <summary>Polls that found no conversion ready (HX711 DOUT high) and skipped the sample.</summary>
    public long NotReady => Interlocked.Read(ref _notReady);

    /// <summary>Bus errors since the last success.</summary>
    public int ConsecutiveErrors => Volatile.Read(ref _consecutiveErrors);

    /// <summary>The last bus error's message, or null.</summary>
    public string? LastError => Volatile.Read(ref _lastError);

    internal void RecordSample()
    {
        Interlocked.Increment(ref _samples);
        Volatile.Write(ref _consecutiveErrors, 0);
    }

    internal int RecordBusError(Exception error)
    {
        Interlocked.Increment(ref _busErrors);
        Volatile.Write(ref _lastError, error.Message);
        return Interlocked.Increment(ref _consecutiveErrors);
    }

    internal void RecordSinkError() => Interlocked.Increment(ref _sinkErrors);

    internal void RecordOpen() => Interlocked.Increment(ref _opens);

    internal void RecordNotReady() => Interlocked.Increment(ref _notReady);
}
