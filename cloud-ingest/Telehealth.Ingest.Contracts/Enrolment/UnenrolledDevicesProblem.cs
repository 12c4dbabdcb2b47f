namespace Telehealth.Ingest.Contracts.Enrolment;

/// <summary>
/// A batch with readings from devices not enrolled on the gateway is refused whole with 403; the problem details carry
/// the offending device ids in the extension member named <see cref="ExtensionName"/> (a JSON array of strings).
/// </summary>
public static class UnenrolledDevicesProblem
{
    public const string ExtensionName = "unenrolledDevices";
}
