using System.Device.Gpio;
using Microsoft.Extensions.Logging;
using Telehealth.Gateway.Core.Readings;
using Telehealth.Gateway.Devices.Analytics;
using Telehealth.Gateway.Devices.Sensors.Polling;

namespace Telehealth.Gateway.Devices.Sensors.LoadCell;

/// <summary>
/// A grip dynamometer: samples one HX711 load cell, converts to newtons with the calibration factor and feeds the
/// exercise session, whose peak becomes the grip_force feature. A cell that stops signalling ready for
/// <see cref="LoadCellOptions.MaxConsecutiveNotReady"/> polls counts as a bus error; the binding is kept (its zero
/// offset stays valid), so the cell resumes as soon as it answers again.
/// </summary>
public sealed class GripForceSensor : PolledSensor
{
    private readonly LoadCellOptions _options;
    private readonly ExerciseSessionTracker _sessions;
    private readonly LoadCellChannel _channel;
    private int _notReadyInRow;

    public GripForceSensor(
        LoadCellOptions options,
        GpioController controller,
        ExerciseSessionTracker sessions,
        IReadingSink sink,
        TimeProvider timeProvider,
        ILogger<GripForceSensor> logger)
        : base(OptionsGuard.Validate(options, LoadCellOptions.SectionName), sink, timeProvider, logger)
    {
        _options = options;
        _sessions = sessions ?? throw new ArgumentNullException(nameof(sessions));
        _channel = new LoadCellChannel(controller, options.DataPin, options.ClockPin, options.CountsPerGram);
    }

    /// <summary>The last force read, newtons.</summary>
    public double? LastNewtons { get; private set; }

    /// <inheritdoc />
    protected override bool ReopenAfterBusError => false;

    /// <inheritdoc />
    protected override string Open()
    {
        _channel.Open();
        _notReadyInRow = 0;
        return $"HX711 load cell on DOUT {_options.DataPin}, PD_SCK {_options.ClockPin}";
    }

    /// <inheritdoc />
    protected override ValueTask<bool> SampleAsync(CancellationToken cancellationToken)
    {
        var newtons = _channel.TryReadNewtons();
        if (newtons is not { } force)
        {
            Health.RecordNotReady();
            if (++_notReadyInRow >= _options.MaxConsecutiveNotReady)
            {
                _notReadyInRow = 0;
                throw new IOException($"The HX711 on DOUT pin {_options.DataPin} has not been ready for {_options.MaxConsecutiveNotReady} polls: unplugged?");
            }

            return ValueTask.FromResult(false);
        }

        _notReadyInRow = 0;
        LastNewtons = force;
        _sessions.RecordGripForce(DeviceId, force);
        return ValueTask.FromResult(true);
    }

    /// <inheritdoc />
    protected override void Close() => _channel.Dispose();

    /// <inheritdoc />
    public override void Dispose()
    {
        base.Dispose();
        _channel.Dispose();
    }
}
