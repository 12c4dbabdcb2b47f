namespace Telehealth.Gateway.Devices.Sensors.PulseOximeter;

/// <summary>
/// A simple, documented SpO2 and pulse estimate from a window of red/IR samples (a few seconds):
/// <list type="number">
/// <item>Each channel is detrended by a least-squares line over the window: the line is the DC level (it absorbs slow
/// baseline drift), the residual is the pulsatile AC part.</item>
/// <item>AC amplitude = RMS of the residual; R = (ACred/DCred) / (ACir/DCir), the "ratio of ratios".</item>
/// <item>SpO2 = 110 − 25·R, the common empirical linear calibration (not a calibration of any particular probe: a
/// clinical device needs one measured against a CO-oximeter).</item>
/// <item>Pulse: the IR residual, smoothed by a 50 ms moving average, is scanned for upward zero crossings with a
/// hysteresis of 0.3 × RMS and a 0.27 s refractory time (at most 220 /min); the rate is 60 × (crossings − 1) over
/// the time from the first to the last crossing.</item>
/// </list>
/// Returns null when the window cannot give an estimate: too short (under 3 s), no finger (IR DC too low), too
/// little pulsatility, fewer than three beats, or a result outside 30..220 /min or R outside 0.2..4.
/// </summary>
public static class SpO2Estimator
{
    /// <summary>IR DC level below which no finger is on the sensor, counts (18-bit ADC).</summary>
    public const double MinFingerIrCounts = 20_000;

    /// <summary>Estimates SpO2 and pulse from <paramref name="window"/> sampled at <paramref name="samplesPerSecond"/>.</summary>
    public static SpO2Estimate? Estimate(ReadOnlySpan<Max30102Sample> window, double samplesPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samplesPerSecond);
        var n = window.Length;
        if (n < samplesPerSecond * 3)
        {
            return null;
        }

        var red = new double[n];
        var ir = new double[n];
        for (var i = 0; i < n; i++)
        {
            red[i] = window[i].Red;
            ir[i] = window[i].Ir;
        }

        var redDc = Detrend(red);
        var irDc = Detrend(ir);
        if (irDc < MinFingerIrCounts || redDc <= 0)
        {
            return null;
        }

        var redRms = Rms(red);
        var irRms = Rms(ir);
        var irPerfusion = irRms * Math.Sqrt(2) / irDc;
        if (irRms <= 0 || irPerfusion < 0.0005)
        {
            return null;
        }

        var ratio = (redRms / redDc) / (irRms / irDc);
        if (ratio is < 0.2 or > 4)
        {
            return null;
        }

        var pulse = PulseBpm(ir, irRms, samplesPerSecond);
        if (pulse is not { } bpm || bpm is < 30 or > 220)
        {
            return null;
        }

        var spo2 = Math.Clamp(110 - (25 * ratio), 0, 100);
        return new SpO2Estimate(spo2, bpm, ratio, irPerfusion);
    }

    /// <summary>Replaces <paramref name="x"/> by its residual from the least-squares line; returns the line's mean (the DC level).</summary>
    private static double Detrend(double[] x)
    {
        var n = x.Length;
        var meanT = (n - 1) / 2.0;
        var meanX = x.Average();
        double sxy = 0, sxx = 0;
        for (var i = 0; i < n; i++)
        {
            sxy += (i - meanT) * (x[i] - meanX);
            sxx += (i - meanT) * (i - meanT);
        }

        var slope = sxx > 0 ? sxy / sxx : 0;
        for (var i = 0; i < n; i++)
        {
            x[i] -= meanX + (slope * (i - meanT));
        }

        return meanX;
    }

    private static double Rms(double[] x)
    {
        var sum = 0.0;
        foreach (var v in x)
        {
            sum += v * v;
        }

        return Math.Sqrt(sum / x.Length);
    }

    private static double? PulseBpm(double[] ac, double rms, double samplesPerSecond)
    {
        var width = Math.Max(1, (int)Math.Round(samplesPerSecond * 0.05));
        var hysteresis = 0.3 * rms;
        var refractory = 0.27 * samplesPerSecond;
        var armed = false;
        var first = -1.0;
        var last = -1.0;
        var crossings = 0;
        var window = 0.0;
        for (var i = 0; i < ac.Length; i++)
        {
            window += ac[i];
            if (i >= width)
            {
                window -= ac[i - width];
            }

            var smoothed = window / Math.Min(i + 1, width);
            if (smoothed < -hysteresis)
            {
                armed = true;
            }
            else if (armed && smoothed > hysteresis && (last < 0 || i - last >= refractory))
            {
                armed = false;
                crossings++;
                if (first < 0)
                {
                    first = i;
                }

                last = i;
            }
        }

        return crossings >= 3 && last > first ? 60.0 * (crossings - 1) * samplesPerSecond / (last - first) : null;
    }
}
