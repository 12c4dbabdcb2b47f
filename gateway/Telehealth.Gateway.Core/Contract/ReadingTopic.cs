namespace Telehealth.Gateway.Core.Contract;

/// <summary>
/// The MQTT topic layout of the reading contract: <c>telehealth/v1/devices/{deviceId}/readings</c>.
/// See docs/mqtt-contract.md.
/// </summary>
public static class ReadingTopic
{
    /// <summary>Topic prefix before the device id.</summary>
    public const string Prefix = "telehealth/v1/devices/";

    /// <summary>Topic suffix after the device id.</summary>
    public const string Suffix = "/readings";

    /// <summary>Longest accepted device id.</summary>
    public const int MaxDeviceIdLength = 64;

    /// <summary>The topic a device publishes its readings to.</summary>
    public static string For(string deviceId) => Prefix + deviceId + Suffix;

    /// <summary>Extracts the device id, or returns a reason the topic is not a reading topic.</summary>
    public static bool TryParse(string? topic, out string deviceId, out string? error)
    {
        deviceId = "";
        if (topic is null || !topic.StartsWith(Prefix, StringComparison.Ordinal) || !topic.EndsWith(Suffix, StringComparison.Ordinal)
            || topic.Length <= Prefix.Length + Suffix.Length)
        {
            error = "topic must be telehealth/v1/devices/{deviceId}/readings";
            return false;
        }

        var id = topic.AsSpan(Prefix.Length, topic.Length - Prefix.Length - Suffix.Length);
        if (!IsValidDeviceId(id))
        {
            error = $"device id must be 1-{MaxDeviceIdLength} characters of A-Z a-z 0-9 _ - .";
            return false;
        }

        deviceId = id.ToString();
        error = null;
        return true;
    }

    /// <summary>True for 1–64 characters of letters, digits, '_', '-', '.'.</summary>
    public static bool IsValidDeviceId(ReadOnlySpan<char> id)
    {
        if (id.IsEmpty || id.Length > MaxDeviceIdLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
