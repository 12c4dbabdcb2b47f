namespace Telehealth.Gateway.Status;

/// <summary>
/// The BLE adapter's counters on <c>/status</c>: enrolled devices seen by BlueZ, connected now, unknown devices
/// ignored, connections and reconnects, values received (notifications/indications), decoded and rejected
/// (malformed), readings stored and refused by the buffer, stored-record (RACP) requests and the records they fetched.
/// </summary>
public sealed record BleAdapterStatus(
    long EnrolledDevicesSeen,
    long ConnectedNow,
    long UnknownDevicesIgnored,
    long Connections,
    long Reconnects,
    long Notifications,
    long Decoded,
    long Rejected,
    long ReadingsStored,
    long SinkRefusals,
    long StoredRecordRequests,
    long StoredRecordsFetched);
