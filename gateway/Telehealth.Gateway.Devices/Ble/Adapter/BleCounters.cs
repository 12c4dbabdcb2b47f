namespace Telehealth.Gateway.Devices.Ble.Adapter;

/// <summary>What the BLE adapter has seen since start (for the status page and tests). Thread-safe.</summary>
public sealed class BleCounters
{
    private long _unknownDevicesIgnored;
    private long _connections;
    private long _reconnects;
    private long _notifications;
    private long _malformedValues;
    private long _readingsStored;
    private long _sinkRefusals;
    private long _storedRecordRequests;
    private long _enrolledDevicesSeen;
    private long _connectedNow;
    private long _decodedValues;
    private long _storedRecordsFetched;

    /// <summary>Distinct enrolled devices BlueZ has reported (discovered or known) since start.</summary>
    public long EnrolledDevicesSeen => Interlocked.Read(ref _enrolledDevicesSeen);

    /// <summary>Enrolled devices connected right now (with subscriptions in place).</summary>
    public long ConnectedNow => Interlocked.Read(ref _connectedNow);

    /// <summary>Values our decoders accepted (each becomes one or more readings).</summary>
    public long DecodedValues => Interlocked.Read(ref _decodedValues);

    /// <summary>
    /// Values that arrived while a "report stored records" request was outstanding (after the write to the Record
    /// Access Control Point, before its response): the records a device kept while out of reach.
    /// </summary>
    public long StoredRecordsFetched => Interlocked.Read(ref _storedRecordsFetched);

    /// <summary>Distinct devices seen that are not enrolled (never connected to).</summary>
    public long UnknownDevicesIgnored => Interlocked.Read(ref _unknownDevicesIgnored);

    /// <summary>Successful connections with subscriptions in place (first ones and reconnects).</summary>
    public long Connections => Interlocked.Read(ref _connections);

    /// <summary>Connections after a previous one was lost.</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>Characteristic values received (notifications and indications).</summary>
    public long Notifications => Interlocked.Read(ref _notifications);

    /// <summary>Values our decoders refused as malformed.</summary>
    public long MalformedValues => Interlocked.Read(ref _malformedValues);

    /// <summary>Readings committed to the buffer.</summary>
    public long ReadingsStored => Interlocked.Read(ref _readingsStored);

    /// <summary>Appends the buffer refused (full or failing).</summary>
    public long SinkRefusals => Interlocked.Read(ref _sinkRefusals);

    /// <summary>"Report stored records" requests written to a Record Access Control Point.</summary>
    public long StoredRecordRequests => Interlocked.Read(ref _storedRecordRequests);

    internal void EnrolledDeviceSeen() => Interlocked.Increment(ref _enrolledDevicesSeen);

    internal void ConnectionEnded() => Interlocked.Decrement(ref _connectedNow);

    internal void Decoded() => Interlocked.Increment(ref _decodedValues);

    internal void StoredRecordFetched() => Interlocked.Increment(ref _storedRecordsFetched);

    internal void UnknownDeviceIgnored() => Interlocked.Increment(ref _unknownDevicesIgnored);

    internal void Connected(bool reconnect)
    {
        Interlocked.Increment(ref _connections);
        Interlocked.Increment(ref _connectedNow);
        if (reconnect)
        {
            Interlocked.Increment(ref _reconnects);
        }
    }

    internal void Notification() => Interlocked.Increment(ref _notifications);

    internal void Malformed() => Interlocked.Increment(ref _malformedValues);

    internal void Stored(int readings) => Interlocked.Add(ref _readingsStored, readings);

    internal void SinkRefused() => Interlocked.Increment(ref _sinkRefusals);

    internal void StoredRecordsRequested() => Interlocked.Increment(ref _storedRecordRequests);
}
