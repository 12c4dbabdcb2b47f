using System.Text.RegularExpressions;
using Telehealth.Ingest.Contracts.Identity;

namespace Telehealth.Metadata.Gateways;

/// <summary>Rules for device ids: 1–64 characters of A-Z a-z 0-9 and <c>_ - . :</c> (a MAC address fits), never shaped like a CPR number.</summary>
public static partial class DeviceId
{
    /// <summary>Returns null when <paramref name="id"/> is acceptable, else the reason (a CPR-shaped id is refused too).</summary>
    public static string? Validate(string? id)
        => string.IsNullOrEmpty(id) ? "device id is missing"
            : !Shape().IsMatch(id) ? "device id must be 1-64 characters of A-Z a-z 0-9 _ - . :"
            : PseudonymousId.Validate(id.Length >= 3 ? id : "ok-" + id, "device id") is { } error && error.Contains("CPR", StringComparison.Ordinal) ? error
            : null;

    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,64}$")]
    private static partial Regex Shape();
}
