namespace Telehealth.Gateway.Devices.Gatt.PulseOximeter;

/// <summary>Names of the PLX Measurement Status (16-bit) and Device and Sensor Status (24-bit) bits.</summary>
internal static class PlxStatusBits
{
    /// <summary>Measurement Status: bits 0–4 reserved.</summary>
    public static readonly string?[] MeasurementStatus =
    [
        null, null, null, null, null,
        "measurement_ongoing",
        "early_estimated_data",
        "validated_data",
        "fully_qualified_data",
        "data_from_measurement_storage",
        "data_for_demonstration",
        "data_for_testing",
        "calibration_ongoing",
        "measurement_unavailable",
        "questionable_measurement_detected",
        "invalid_measurement_detected",
    ];

    /// <summary>Device and Sensor Status: bits 16–23 reserved.</summary>
    public static readonly string?[] DeviceAndSensorStatus =
    [
        "extended_display_update_ongoing",
        "equipment_malfunction_detected",
        "signal_processing_irregularity_detected",
        "inadequate_signal_detected",
        "poor_signal_detected",
        "low_perfusion_detected",
        "erratic_signal_detected",
        "nonpulsatile_signal_detected",
        "questionable_pulse_detected",
        "signal_analysis_ongoing",
        "sensor_interference_detected",
        "sensor_unconnected_to_user",
        "unknown_sensor_connected",
        "sensor_displaced",
        "sensor_malfunctioning",
        "sensor_disconnected",
    ];
}
