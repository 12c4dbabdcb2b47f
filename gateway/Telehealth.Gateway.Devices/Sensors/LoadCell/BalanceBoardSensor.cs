using System.Device.Gpio;
using Microsoft.Extensions.Logging;
using Telehealth.Gateway.Core.Readings;
using Telehealth.Gateway.Devices.Analytics;
using Telehealth.Gateway.Devices.Sensors.Polling;

namespace Telehealth.Gateway.Devices.Sensors.LoadCell;

/// <summary>
/// A balance board of several HX711 load cells at known positions. Each sample reads every cell; when the total load
/// exceeds <see cref="EdgeAnalyticsOptions.BalanceMinLoadNewtons"/> the centre of pressure is the force-weighted mean
/// of the cell positions, Σ Fᵢ·pᵢ / Σ Fᵢ, and feeds the session's sway path. A sample where some cell is not ready is
/// skipped whole, so every centre of pressure comes from one consistent set of cells.
/// </summary>
public sealed class BalanceBoardSensor : PolledSensor
{
    private readonly BalanceBoardOptions _options;
    private readonly ExerciseSessionTracker _sessions;
    private readonly LoadCellChannel[] _cells;
    private readonly double[] _forces;
    private int _notReadyInRow;

    public BalanceBoardSensor(
        BalanceBoardOptions options,
        GpioController controller,
        ExerciseSessionTracker sessions,
        IReadingSink sink,
        TimeProvider timeProvider,
        ILogger<BalanceBoardSensor> logger)
        : base(OptionsGuard.Validate(options, BalanceBoardOptions.SectionName), sink, timeProvider, logger)
    {
        _options = options;
        _sessions = sessions ?? throw new ArgumentNullException(nameof(sessions));
        for (var i = 0; i < options.Cells.Count; i++)
        {
            OptionsGuard.Validate(options.Cells[i], $"{BalanceBoardOptions.SectionName}:Cells:{i}");
        }

        _cells = [.. options.Cells.Select(c => new LoadCellChannel(controller, c.DataPin, c.ClockPin, c.CountsPerGram))];
        _forces = new double[_cells.Length];
    }

    /// <summary>The last centre of pressure, mm, or null when nobody stood on the board.</summary>
    public (double X, double Y)? LastCentreOfPressure { get; private set; }

    /// <summary>The last total load, newtons.</summary>
    public double? LastTotalNewtons { get; private set; }

    /// <inheritdoc />
    protected override bool ReopenAfterBusError => false;

    /// <inheritdoc />
    protected override string Open()
    {
        foreach (var cell in _cells)
        {
            cell.Open();
        }

        _notReadyInRow = 0;
        return $"balance board of {_cells.Length} HX711 load cells";
    }

    /// <inheritdoc />
    protected override ValueTask<bool> SampleAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < _cells.Length; i++)
        {
            if (_cells[i].TryReadNewtons() is not { } force)
            {
                Health.RecordNotReady();
                if (++_notReadyInRow >= _options.MaxConsecutiveNotReady)
                {
                    _notReadyInRow = 0;
                    throw new IOException($"Balance board cell {i} (DOUT pin {_cells[i].DataPin}) has not been ready for {_options.MaxConsecutiveNotReady} polls: unplugged?");
                }

                return ValueTask.FromResult(false);
            }

            _forces[i] = force;
        }

        _notReadyInRow = 0;
        var total = 0.0;
        var x = 0.0;
        var y = 0.0;
        for (var i = 0; i < _cells.Length; i++)
        {
            total += _forces[i];
            x += _forces[i] * _options.Cells[i].XMm;
            y += _forces[i] * _options.Cells[i].YMm;
        }

        LastTotalNewtons = total;
        LastCentreOfPressure = total >= _sessions.Options.BalanceMinLoadNewtons ? (x / total, y / total) : null;
        _sessions.RecordCentreOfPressure(DeviceId, LastCentreOfPressure);
        return ValueTask.FromResult(true);
    }

    /// <inheritdoc />
    protected override void Close()
    {
        foreach (var cell in _cells)
        {
            cell.Dispose();
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        base.Dispose();
        foreach (var cell in _cells)
        {
            cell.Dispose();
        }
    }
}
