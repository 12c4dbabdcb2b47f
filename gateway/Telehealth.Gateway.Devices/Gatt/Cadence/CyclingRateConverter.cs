using Telehealth.Gateway.Devices.Gatt.Decoding;

namespace Telehealth.Gateway.Devices.Gatt.Cadence;

/// <summary>
/// Per-device state that turns the raw wheel and crank counters of CSC Measurement (0x2A5B) and Cycling Power
/// Measurement (0x2A63) into cadence (/min) and speed (m/s). Keep one instance per device; not thread-safe.
/// </summary>
public sealed class CyclingRateConverter
{
    /// <summary>The default time without a new wheel or crank event after which the rate is 0.</summary>
    public static readonly TimeSpan DefaultStopAfter = TimeSpan.FromSeconds(3);

    private readonly double _wheelCircumferenceMetres;
    private readonly TimeSpan _stopAfter;
    private readonly Dictionary<ushort, (RevolutionRateCalculator Wheel, RevolutionRateCalculator Crank)> _byCharacteristic = [];

    /// <param name="wheelCircumferenceMetres">Wheel circumference (e.g. 2.105 m for a 700x25c tyre).</param>
    /// <param name="stopAfter">Time without a new event after which cadence or speed is 0 (default 3 s).</param>
    public CyclingRateConverter(double wheelCircumferenceMetres, TimeSpan? stopAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(wheelCircumferenceMetres);
        _wheelCircumferenceMetres = wheelCircumferenceMetres;
        _stopAfter = stopAfter ?? DefaultStopAfter;
    }

    /// <summary>Feeds one decoded value; returns the rates it allows (none for other characteristics or failures).</summary>
    public CyclingRates Update(GattDecodeResult result, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.IsSuccess || result.Characteristic is not (GattCharacteristics.CscMeasurement or GattCharacteristics.CyclingPowerMeasurement))
        {
            return new CyclingRates(null, null);
        }

        if (!_byCharacteristic.TryGetValue(result.Characteristic, out var calculators))
        {
            var wheelTicks = result.Characteristic == GattCharacteristics.CyclingPowerMeasurement ? 2048 : 1024;
            calculators = (new RevolutionRateCalculator(32, wheelTicks, _stopAfter), new RevolutionRateCalculator(16, 1024, _stopAfter));
            _byCharacteristic[result.Characteristic] = calculators;
        }

        double? speed = null;
        if (TryGetPair(result, GattFieldNames.CumulativeWheelRevolutions, GattFieldNames.LastWheelEventTime, out var wheelRevolutions, out var wheelTime))
        {
            speed = calculators.Wheel.Update(wheelRevolutions, wheelTime, receivedAt) * _wheelCircumferenceMetres;
        }

        double? cadence = null;
        if (TryGetPair(result, GattFieldNames.CumulativeCrankRevolutions, GattFieldNames.LastCrankEventTime, out var crankRevolutions, out var crankTime))
        {
            cadence = calculators.Crank.Update(crankRevolutions, crankTime, receivedAt) * 60;
        }

        return new CyclingRates(cadence, speed);
    }

    private static bool TryGetPair(GattDecodeResult result, string countField, string timeField, out uint count, out ushort time)
    {
        count = 0;
        time = 0;
        if (result.Fields.TryGetValue(countField, out var countValue) && countValue is long countLong &&
            result.Fields.TryGetValue(timeField, out var timeValue) && timeValue is long timeLong)
        {
            count = (uint)countLong;
            time = (ushort)timeLong;
            return true;
        }

        return false;
    }
}
