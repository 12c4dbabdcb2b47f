using System.Device.Gpio;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telehealth.Gateway.Devices.Analytics;
using Telehealth.Gateway.Devices.Sensors.Imu;
using Telehealth.Gateway.Devices.Sensors.LoadCell;
using Telehealth.Gateway.Devices.Sensors.Polling;
using Telehealth.Gateway.Devices.Sensors.PulseOximeter;
using Telehealth.Gateway.Devices.Sensors.Session;
using Telehealth.Gateway.Devices.Sensors.Thermometer;

namespace Telehealth.Gateway.Devices.Sensors.Hosting;

/// <summary>
/// Runs the wired devices of the registry (<c>Devices:I2c</c>, <c>Devices:Gpio</c>): one <see cref="PolledSensor"/>
/// loop per sensor on the buses from <see cref="II2cBusFactory"/> and <see cref="IGpioControllerFactory"/>, one
/// <see cref="ExerciseSessionTracker"/> they all feed, the session button and the LED/buzzer feedback. A sensor that
/// fails is counted and retried by its own loop; a GPIO controller or pin that cannot be opened leaves those devices
/// "unavailable" (counted, logged) — the gateway keeps running either way. At stop a running session is ended so its
/// features are stored.
/// </summary>
public sealed class SensorHostService : IHostedService, IAsyncDisposable
{
    private readonly IOptions<SensorRegistryOptions> _registry;
    private readonly IOptions<EdgeAnalyticsOptions> _analytics;
    private readonly II2cBusFactory _i2c;
    private readonly IGpioControllerFactory _gpioFactory;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger<SensorHostService> _logger;
    private readonly List<RunningDevice> _devices = [];
    private readonly List<IDisposable> _owned = [];
    private ExerciseSessionTracker? _tracker;
    private SessionControlService? _session;
    private GpioController? _gpio;

    public SensorHostService(
        IOptions<SensorRegistryOptions> registry,
        IOptions<EdgeAnalyticsOptions> analytics,
        CountingReadingSink sink,
        II2cBusFactory i2c,
        IGpioControllerFactory gpio,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _analytics = analytics ?? throw new ArgumentNullException(nameof(analytics));
        Sink = sink ?? throw new ArgumentNullException(nameof(sink));
        _i2c = i2c ?? throw new ArgumentNullException(nameof(i2c));
        _gpioFactory = gpio ?? throw new ArgumentNullException(nameof(gpio));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _loggers = loggers ?? throw new ArgumentNullException(nameof(loggers));
        _logger = loggers.CreateLogger<SensorHostService>();
    }

    /// <summary>The buffer as the sensors see it, with per-device counts.</summary>
    public CountingReadingSink Sink { get; }

    /// <summary>The wired devices and their counters (for <c>/status</c>).</summary>
    public SensorAdapterStatus GetStatus()
    {
        SensorDeviceStatus[] devices;
        lock (_devices)
        {
            devices = [.. _devices.Select(d => d.Status(Sink))];
        }

        var tracker = _tracker;
        return new SensorAdapterStatus(
            devices.Sum(d => d.Reads),
            devices.Sum(d => d.Failures),
            devices.Sum(d => d.ReadingsAppended),
            tracker?.IsActive ?? false,
            tracker?.PendingCount ?? 0,
            devices);
    }

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var plan = SensorPlan.Create(_registry.Value);
        if (plan.Errors.Count > 0)
        {
            throw new OptionsValidationException(SensorRegistryOptions.SectionName, typeof(SensorRegistryOptions), plan.Errors);
        }

        if (plan.Devices.Count == 0)
        {
            _logger.NoWiredDevices();
            return;
        }

        foreach (var device in plan.Devices)
        {
            _logger.Planned(device.Id, device.Kind, device.Bus, device.Wiring);
        }

        string? gpioError = null;
        if (plan.NeedsGpio)
        {
            gpioError = TryOpenGpio();
        }

        var feedback = CreateFeedback(plan, ref gpioError);
        _tracker = new ExerciseSessionTracker(_analytics, Sink, _time, feedback, _loggers.CreateLogger<ExerciseSessionTracker>());
        var byId = plan.Devices.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var sensors = new List<PolledSensor>();
        foreach (var options in plan.Imus)
        {
            sensors.Add(Track(byId[options.DeviceId], new ImuJointAngleSensor(
                options, o => _i2c.Open(o.BusId, o.Address), _tracker, Sink, _time, _loggers.CreateLogger<ImuJointAngleSensor>())));
        }

        foreach (var options in plan.Thermometers)
        {
            sensors.Add(Track(byId[options.DeviceId], new BodyThermometerSensor(
                options, o => _i2c.Open(o.BusId, o.Address), feedback, Sink, _time, _loggers.CreateLogger<BodyThermometerSensor>())));
        }

        foreach (var options in plan.PulseOximeters)
        {
            sensors.Add(Track(byId[options.DeviceId], new PulseOximeterSensor(
                options, o => _i2c.Open(o.BusId, o.Address), feedback, Sink, _time, _loggers.CreateLogger<PulseOximeterSensor>())));
        }

        foreach (var options in plan.Grips)
        {
            if (_gpio is { } gpio)
            {
                sensors.Add(Track(byId[options.DeviceId], new GripForceSensor(options, gpio, _tracker, Sink, _time, _loggers.CreateLogger<GripForceSensor>())));
            }
            else
            {
                Unavailable(byId[options.DeviceId], gpioError);
            }
        }

        foreach (var options in plan.BalanceBoards)
        {
            if (_gpio is { } gpio)
            {
                sensors.Add(Track(byId[options.DeviceId], new BalanceBoardSensor(options, gpio, _tracker, Sink, _time, _loggers.CreateLogger<BalanceBoardSensor>())));
            }
            else
            {
                Unavailable(byId[options.DeviceId], gpioError);
            }
        }

        StartSessionButton(plan, byId, gpioError);
        foreach (var device in plan.Devices.Where(d => d.Kind is nameof(GpioDeviceKind.Led) or nameof(GpioDeviceKind.Buzzer)))
        {
            Add(new RunningDevice(device, null, null, feedback is GpioSessionFeedback ? null : gpioError ?? "feedback pins not open"));
        }

        foreach (var sensor in sensors)
        {
            await sensor.StartAsync(cancellationToken);
        }

        if (_session is not null)
        {
            await _session.StartAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_session is not null)
        {
            await _session.StopAsync(cancellationToken);
        }

        PolledSensor[] sensors;
        lock (_devices)
        {
            sensors = [.. _devices.Select(d => d.Sensor).OfType<PolledSensor>()];
        }

        foreach (var sensor in sensors)
        {
            await sensor.StopAsync(cancellationToken);
        }

        if (_tracker is { IsActive: true } tracker)
        {
            _logger.EndingSessionAtStop();
            await tracker.StopAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _session?.Dispose();
        lock (_devices)
        {
            foreach (var device in _devices)
            {
                device.Sensor?.Dispose();
            }

            _devices.Clear();
        }

        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        _owned.Clear();
        _tracker?.Dispose();
        _gpio?.Dispose();
        return ValueTask.CompletedTask;
    }

    private static bool IsOpenFailure(Exception error)
        => error is IOException or InvalidOperationException or PlatformNotSupportedException or UnauthorizedAccessException or ArgumentException;

    private string? TryOpenGpio()
    {
        try
        {
            _gpio = _gpioFactory.Create();
            return null;
        }
        catch (Exception error) when (IsOpenFailure(error))
        {
            _logger.GpioUnavailable(error);
            return "GPIO controller unavailable: " + error.Message;
        }
    }

    private ISessionFeedback CreateFeedback(SensorPlan plan, ref string? gpioError)
    {
        if (_gpio is not { } gpio || (plan.Session.SessionLedPin is null && plan.Session.CommitFeedbackPin is null))
        {
            return NoSessionFeedback.Instance;
        }

        try
        {
            var feedback = new GpioSessionFeedback(gpio, plan.Session, _time);
            _owned.Add(feedback);
            return feedback;
        }
        catch (Exception error) when (IsOpenFailure(error))
        {
            var id = plan.Devices.First(d => d.Kind is nameof(GpioDeviceKind.Led) or nameof(GpioDeviceKind.Buzzer)).Id;
            _logger.GpioDeviceUnavailable(id, error);
            gpioError ??= "feedback pins cannot be opened: " + error.Message;
            return NoSessionFeedback.Instance;
        }
    }

    private void StartSessionButton(SensorPlan plan, Dictionary<string, PlannedDevice> byId, string? gpioError)
    {
        if (plan.SessionButtonId is not { } id)
        {
            return;
        }

        if (_gpio is not { } gpio)
        {
            Unavailable(byId[id], gpioError);
            return;
        }

        var button = new SessionButton(gpio, plan.Session, _time);
        try
        {
            button.Start();
        }
        catch (Exception error) when (IsOpenFailure(error))
        {
            button.Dispose();
            _logger.GpioDeviceUnavailable(id, error);
            Unavailable(byId[id], "button pin cannot be opened: " + error.Message);
            return;
        }

        _owned.Add(button);
        _session = new SessionControlService(button, _tracker!, plan.Session, _time, _loggers.CreateLogger<SessionControlService>());
        Add(new RunningDevice(byId[id], null, _session, null));
    }

    private PolledSensor Track(PlannedDevice plan, PolledSensor sensor)
    {
        Add(new RunningDevice(plan, sensor, null, null));
        return sensor;
    }

    private void Unavailable(PlannedDevice plan, string? reason) => Add(new RunningDevice(plan, null, null, reason ?? "unavailable"));

    private void Add(RunningDevice device)
    {
        lock (_devices)
        {
            _devices.Add(device);
        }
    }
}
