namespace Telehealth.Simulators.Buses.Max30102;

/// <summary>
/// A finger on a reflective pulse oximeter: red and IR photoplethysmograms with a DC level and a pulsatile part at
/// the pulse rate (fundamental plus a second harmonic, like a real PPG). The ratio of the channels' perfusion indices,
/// R = (AC/DC)red / (AC/DC)IR, is set from the saturation by the empirical line SpO2 = 110 − 25·R, so an estimator
/// using that calibration should recover <see cref="SpO2Percent"/>.
/// </summary>
public sealed class PulseOximetryScript
{
    public PulseOximetryScript(double spo2Percent, double pulseBpm, double noiseCounts = 0, int seed = 0, double irDc = 110_000, double redDc = 90_000, double irPerfusion = 0.02)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pulseBpm);
        SpO2Percent = spo2Percent;
        PulseBpm = pulseBpm;
        NoiseCounts = noiseCounts;
        Seed = seed;
        IrDc = irDc;
        RedDc = redDc;
        IrPerfusion = irPerfusion;
    }

    public double SpO2Percent { get; }

    public double PulseBpm { get; }

    /// <summary>Standard deviation of the ADC noise per sample, counts.</summary>
    public double NoiseCounts { get; }

    public int Seed { get; }

    public double IrDc { get; }

    public double RedDc { get; }

    /// <summary>AC/DC of the IR channel (perfusion index as a fraction).</summary>
    public double IrPerfusion { get; }

    /// <summary>The ratio of ratios that corresponds to <see cref="SpO2Percent"/>.</summary>
    public double RatioOfRatios => (110 - SpO2Percent) / 25;

    /// <summary>Noise-free (red, IR) counts at <paramref name="elapsed"/>; the pulse lowers the reflected light.</summary>
    public (double Red, double Ir) At(TimeSpan elapsed)
    {
        var phase = 2 * Math.PI * PulseBpm / 60 * elapsed.TotalSeconds;
        var pulse = (Math.Sin(phase) + (0.25 * Math.Sin((2 * phase) + 0.5))) / 1.03;
        var ir = IrDc * (1 - (IrPerfusion * pulse));
        var red = RedDc * (1 - (IrPerfusion * RatioOfRatios * pulse));
        return (red, ir);
    }
}
