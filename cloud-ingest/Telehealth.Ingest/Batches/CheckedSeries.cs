using System.Buffers;
using Telehealth.Ingest.Contracts.Metrics;
using Telehealth.Ingest.Storage.LineProtocol;

namespace Telehealth.Ingest.Batches;

/// <summary>
/// What a batch has already checked about its series: the last (metric, unit, device) found in the catalogue with a
/// writable metric and device, the series keys written so far (<c>metric,device=…,patient=… </c>) and the component
/// names that are writable field keys. A batch repeats a few of each thousands of times; each is checked once.
/// </summary>
internal sealed class CheckedSeries(string patientId)
{
    private const int KeySlots = 8;
    private const int NameSlots = 16;

    private readonly (string Metric, string Device, byte[] Key)[] _keys = new (string, string, byte[])[KeySlots];
    private readonly (string Name, byte[] Key, bool ReceivedFirst)[] _names = new (string, byte[], bool)[NameSlots];
    private readonly ArrayBufferWriter<byte> _scratch = new(256);
    private int _nextKey;
    private int _nextName;
    private string? _metric;
    private string? _unit;
    private string? _device;
    private MetricDefinition? _definition;

    /// <summary>Whether the batch's patient id is a writable tag value (checked once).</summary>
    public bool PatientWritable { get; } = LineProtocolText.IsWritable(patientId);

    /// <summary>
    /// The catalogue's definition when <paramref name="metric"/> is known, <paramref name="unit"/> is its unit and metric
    /// and device are writable; otherwise null (the reading takes the validator's slow path for its reason).
    /// </summary>
    public MetricDefinition? Find(string metric, string unit, string device)
    {
        if (_definition is not null && string.Equals(metric, _metric, StringComparison.Ordinal)
            && string.Equals(unit, _unit, StringComparison.Ordinal) && string.Equals(device, _device, StringComparison.Ordinal))
        {
            return _definition;
        }

        if (!MetricCatalog.TryGet(metric, out var definition) || !string.Equals(unit, definition.Unit, StringComparison.Ordinal)
            || !LineProtocolText.IsWritable(metric) || !LineProtocolText.IsWritable(device))
        {
            return null;
        }

        (_metric, _unit, _device, _definition) = (metric, unit, device, definition);
        return definition;
    }

    /// <summary>The series key of a checked metric and device, escaped, with the space that ends it.</summary>
    public byte[] SeriesKey(string metric, string device)
    {
        foreach (var (m, d, key) in _keys)
        {
            if (key is not null && string.Equals(m, metric, StringComparison.Ordinal) && string.Equals(d, device, StringComparison.Ordinal))
            {
                return key;
            }
        }

        _scratch.ResetWrittenCount();
        LineProtocolSerializer.WriteSeriesKey(_scratch, patientId, metric, device);
        var made = _scratch.WrittenSpan.ToArray();
        _keys[_nextKey] = (metric, device, made);
        _nextKey = (_nextKey + 1) % KeySlots;
        return made;
    }

    /// <summary>
    /// The escaped field key of a component name and whether <c>received_ms</c> sorts before it; null when the name
    /// cannot be a field key (not writable, or the reserved <c>received_ms</c>).
    /// </summary>
    public byte[]? FieldKey(string name, out bool receivedFirst)
    {
        foreach (var (n, key, first) in _names)
        {
            if (key is not null && string.Equals(n, name, StringComparison.Ordinal))
            {
                receivedFirst = first;
                return key;
            }
        }

        receivedFirst = string.CompareOrdinal(LineProtocolSerializer.ReceivedField, name) < 0;
        if (!LineProtocolText.IsWritable(name) || string.Equals(name, LineProtocolSerializer.ReceivedField, StringComparison.Ordinal))
        {
            return null;
        }

        _scratch.ResetWrittenCount();
        LineProtocolText.WriteKey(_scratch, name);
        var made = _scratch.WrittenSpan.ToArray();
        _names[_nextName] = (name, made, receivedFirst);
        _nextName = (_nextName + 1) % NameSlots;
        return made;
    }
}
