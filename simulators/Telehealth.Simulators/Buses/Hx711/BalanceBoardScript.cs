namespace Telehealth.Simulators.Buses.Hx711;

/// <summary>
/// A person standing on a four-cell balance board (cells at the corners of a <c>widthMm</c> × <c>lengthMm</c>
/// rectangle centred on the origin, x to the right, y forward) while the centre of pressure sways on a Lissajous
/// path: x = amplitudeXMm·sin(2π·frequencyHz·t), y = amplitudeYMm·sin(2π·1.5·frequencyHz·t). Each corner carries its
/// bilinear share of the body weight, so the force-weighted mean of the corner positions is exactly that centre of
/// pressure. Cell order: 0 front-left, 1 front-right, 2 back-left, 3 back-right.
/// </summary>
public sealed class BalanceBoardScript
{
    private readonly double _amplitudeX;
    private readonly double _amplitudeY;
    private readonly double _frequency;

    public BalanceBoardScript(double widthMm, double lengthMm, double bodyWeightNewtons, double amplitudeXMm, double amplitudeYMm, double frequencyHz, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(widthMm);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lengthMm);
        WidthMm = widthMm;
        LengthMm = lengthMm;
        BodyWeightNewtons = bodyWeightNewtons;
        _amplitudeX = amplitudeXMm;
        _amplitudeY = amplitudeYMm;
        _frequency = frequencyHz;
        Duration = duration;
    }

    public double WidthMm { get; }

    public double LengthMm { get; }

    public double BodyWeightNewtons { get; }

    public TimeSpan Duration { get; }

    /// <summary>Position (mm) of cell <paramref name="index"/> on the board.</summary>
    public (double X, double Y) CellPosition(int index) => index switch
    {
        0 => (-WidthMm / 2, LengthMm / 2),
        1 => (WidthMm / 2, LengthMm / 2),
        2 => (-WidthMm / 2, -LengthMm / 2),
        3 => (WidthMm / 2, -LengthMm / 2),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <summary>The true centre of pressure (mm) at <paramref name="elapsed"/>.</summary>
    public (double X, double Y) CentreOfPressure(TimeSpan elapsed)
    {
        var t = Math.Clamp(elapsed.TotalSeconds, 0, Duration.TotalSeconds);
        return (_amplitudeX * Math.Sin(2 * Math.PI * _frequency * t), _amplitudeY * Math.Sin(2 * Math.PI * 1.5 * _frequency * t));
    }

    /// <summary>The force script of cell <paramref name="index"/>.</summary>
    public IForceScript Cell(int index)
    {
        var (cx, cy) = CellPosition(index);
        return new CellForce(this, Math.Sign(cx), Math.Sign(cy));
    }

    private sealed class CellForce(BalanceBoardScript board, int signX, int signY) : IForceScript
    {
        public TimeSpan Duration => board.Duration;

        public double NewtonsAt(TimeSpan elapsed)
        {
            var (x, y) = board.CentreOfPressure(elapsed);
            return board.BodyWeightNewtons * (0.5 + (signX * x / board.WidthMm)) * (0.5 + (signY * y / board.LengthMm));
        }
    }
}
