namespace Telehealth.Gateway.Devices.Gatt.Decoding;

/// <summary>One catalogue reading decoded from a characteristic value.</summary>
/// <param name="Metric">Metric name from <c>MetricCatalog</c>.</param>
/// <param name="Unit">The catalogue's UCUM unit; values are already converted to it.</param>
/// <param name="Values">Component name → numeric value. Special values are never here.</param>
/// <param name="SpecialValues">Component name → special token ("nan", "nres", "+inf", "-inf", "reserved").</param>
/// <param name="TimeOffset">
/// Offset from the measurement time (zero or negative); RR intervals carried in one notification get successive
/// offsets so each has its own time.
/// </param>
public sealed record GattReading(
    string Metric,
    string Unit,
    IReadOnlyDictionary<string, double> Values,
    IReadOnlyDictionary<string, string> SpecialValues,
    TimeSpan TimeOffset);
