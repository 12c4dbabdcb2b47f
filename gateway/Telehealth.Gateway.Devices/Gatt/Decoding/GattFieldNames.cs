namespace Telehealth.Gateway.Devices.Gatt.Decoding;

/// <summary>Names of the extra fields decoders put in <see cref="GattDecodeResult.Fields"/> that other code reads.</summary>
public static class GattFieldNames
{
    /// <summary>The Flags field as a number.</summary>
    public const string RawFlags = "raw_flags";

    /// <summary>True when the value has a timestamp whose year, month or day is 0 ("not known").</summary>
    public const string DeviceTimeUnknown = "device_time_unknown";

    /// <summary>User index (long), or "unknown" for 0xFF.</summary>
    public const string UserId = "user_id";

    /// <summary>Heart rate sensor contact: "not_supported", "not_detected" or "detected".</summary>
    public const string SensorContact = "sensor_contact";

    /// <summary>RR intervals in ms, oldest first (list of double).</summary>
    public const string RrIntervalsMs = "rr_intervals_ms";

    /// <summary>Cumulative wheel revolutions (long, raw counter).</summary>
    public const string CumulativeWheelRevolutions = "cumulative_wheel_revolutions";

    /// <summary>Last wheel event time in raw ticks (long; 1/1024 s for CSC, 1/2048 s for Cycling Power).</summary>
    public const string LastWheelEventTime = "last_wheel_event_time";

    /// <summary>Cumulative crank revolutions (long, raw 16-bit counter).</summary>
    public const string CumulativeCrankRevolutions = "cumulative_crank_revolutions";

    /// <summary>Last crank event time in raw 1/1024 s ticks (long).</summary>
    public const string LastCrankEventTime = "last_crank_event_time";
}
