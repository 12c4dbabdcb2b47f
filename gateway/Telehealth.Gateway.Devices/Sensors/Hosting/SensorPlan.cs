using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Telehealth.Gateway.Devices.Sensors.Imu;
using Telehealth.Gateway.Devices.Sensors.LoadCell;
using Telehealth.Gateway.Devices.Sensors.Polling;
using Telehealth.Gateway.Devices.Sensors.PulseOximeter;
using Telehealth.Gateway.Devices.Sensors.Session;
using Telehealth.Gateway.Devices.Sensors.Thermometer;

namespace Telehealth.Gateway.Devices.Sensors.Hosting;

/// <summary>
/// The device registry's wired entries turned into the adapters' options, or the list of what is wrong with them,
/// each error naming its key (<c>Devices:I2c:2:Address …</c>). Pure: no bus is touched.
/// </summary>
public sealed class SensorPlan
{
    private const string I2cKey = SensorRegistryOptions.SectionName + ":I2c";
    private const string GpioKey = SensorRegistryOptions.SectionName + ":Gpio";
    private readonly List<string> _errors = [];
    private readonly List<PlannedDevice> _devices = [];
    private readonly Dictionary<string, string> _idKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> _pinKeys = [];
    private readonly Dictionary<(int Bus, int Address), string> _addressKeys = [];

    private SensorPlan()
    {
    }

    /// <summary>What is wrong, one message per problem, each naming its key. Empty when the plan can run.</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>Every entry, in configuration order (I2C first).</summary>
    public IReadOnlyList<PlannedDevice> Devices => _devices;

    public IList<ImuSensorOptions> Imus { get; } = [];

    public IList<ThermometerOptions> Thermometers { get; } = [];

    public IList<PulseOximeterOptions> PulseOximeters { get; } = [];

    public IList<LoadCellOptions> Grips { get; } = [];

    public IList<BalanceBoardOptions> BalanceBoards { get; } = [];

    /// <summary>Button, LED and buzzer pins (<see cref="SessionButtonOptions.SessionLedPin"/> and
    /// <see cref="SessionButtonOptions.CommitFeedbackPin"/> null when not configured).</summary>
    public SessionButtonOptions Session { get; } = new() { SessionLedPin = null, CommitFeedbackPin = null };

    /// <summary>The session button's device id, or null without a button.</summary>
    public string? SessionButtonId { get; private set; }

    /// <summary>True when some entry needs the GPIO controller.</summary>
    public bool NeedsGpio => _devices.Any(d => d.Bus == "gpio");

    /// <summary>Plans <paramref name="options"/>; never throws for bad entries (see <see cref="Errors"/>).</summary>
    public static SensorPlan Create(SensorRegistryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var plan = new SensorPlan();
        for (var i = 0; i < options.I2c.Count; i++)
        {
            plan.AddI2c(options.I2c[i], $"{I2cKey}:{i.ToString(CultureInfo.InvariantCulture)}");
        }

        for (var i = 0; i < options.Gpio.Count; i++)
        {
            plan.AddGpio(options.Gpio[i], $"{GpioKey}:{i.ToString(CultureInfo.InvariantCulture)}");
        }

        return plan;
    }

    /// <summary>Parses an I2C address written as <c>0x68</c> or <c>104</c>.</summary>
    public static bool TryParseAddress(string text, out int address)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        return trimmed.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? int.TryParse(trimmed.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out address)
            : int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out address);
    }

    private void AddI2c(I2cSensorEntry entry, string key)
    {
        if (!CheckIdAndKind(entry.Id, entry.Kind, key) || entry.Kind is not { } kind)
        {
            return;
        }

        PolledSensorOptions options;
        int defaultAddress;
        switch (kind)
        {
            case I2cSensorKind.Mpu6050:
                var imu = new ImuSensorOptions { BusId = entry.Bus };
                imu.MountingOffsetDeg = entry.MountingOffsetDeg ?? imu.MountingOffsetDeg;
                imu.InvertAngle = entry.InvertAngle ?? imu.InvertAngle;
                imu.GyroWeight = entry.GyroWeight ?? imu.GyroWeight;
                defaultAddress = imu.Address;
                imu.Address = Address(entry, key, defaultAddress);
                Imus.Add(imu);
                options = imu;
                break;
            case I2cSensorKind.Mlx90614:
                var thermometer = new ThermometerOptions { BusId = entry.Bus };
                thermometer.PresenceThresholdCelsius = entry.PresenceThresholdCelsius ?? thermometer.PresenceThresholdCelsius;
                thermometer.SamplesPerMeasurement = entry.SamplesPerMeasurement ?? thermometer.SamplesPerMeasurement;
                thermometer.OffsetCelsius = entry.OffsetCelsius ?? thermometer.OffsetCelsius;
                defaultAddress = thermometer.Address;
                thermometer.Address = Address(entry, key, defaultAddress);
                Thermometers.Add(thermometer);
                options = thermometer;
                break;
            default:
                var oximeter = new PulseOximeterOptions { BusId = entry.Bus };
                if (entry.WindowSeconds is { } window)
                {
                    oximeter.Window = Seconds(window, key, nameof(entry.WindowSeconds)) ?? oximeter.Window;
                }

                defaultAddress = oximeter.Address;
                oximeter.Address = Address(entry, key, defaultAddress);
                PulseOximeters.Add(oximeter);
                options = oximeter;
                break;
        }

        Polling(options, entry.Id, entry.SampleHz, entry.RetryInitialSeconds, entry.RetryMaxSeconds, key);
        var address = options switch
        {
            ImuSensorOptions o => o.Address,
            ThermometerOptions o => o.Address,
            PulseOximeterOptions o => o.Address,
            _ => 0,
        };
        if (!_addressKeys.TryAdd((entry.Bus, address), key))
        {
            _errors.Add($"{key}:Address 0x{address:X2} on bus {entry.Bus} is already used by {_addressKeys[(entry.Bus, address)]}");
        }

        Check(options, key);
        _devices.Add(new PlannedDevice(entry.Id, kind.ToString(), "i2c", $"bus {entry.Bus} address 0x{address:X2}"));
    }

    private void AddGpio(GpioDeviceEntry entry, string key)
    {
        if (!CheckIdAndKind(entry.Id, entry.Kind, key) || entry.Kind is not { } kind)
        {
            return;
        }

        switch (kind)
        {
            case GpioDeviceKind.Hx711:
                var grip = new LoadCellOptions();
                grip.DataPin = RequiredPin(entry.DataPin, key, nameof(entry.DataPin)) ?? grip.DataPin;
                grip.ClockPin = RequiredPin(entry.ClockPin, key, nameof(entry.ClockPin)) ?? grip.ClockPin;
                grip.CountsPerGram = entry.CountsPerGram ?? grip.CountsPerGram;
                grip.MaxConsecutiveNotReady = entry.MaxConsecutiveNotReady ?? grip.MaxConsecutiveNotReady;
                Polling(grip, entry.Id, entry.SampleHz, entry.RetryInitialSeconds, entry.RetryMaxSeconds, key);
                Check(grip, key);
                Grips.Add(grip);
                _devices.Add(new PlannedDevice(entry.Id, kind.ToString(), "gpio", $"DOUT {grip.DataPin}, PD_SCK {grip.ClockPin}"));
                break;
            case GpioDeviceKind.BalanceBoard:
                var board = new BalanceBoardOptions { Cells = [.. entry.Cells] };
                board.MaxConsecutiveNotReady = entry.MaxConsecutiveNotReady ?? board.MaxConsecutiveNotReady;
                Polling(board, entry.Id, entry.SampleHz, entry.RetryInitialSeconds, entry.RetryMaxSeconds, key);
                Check(board, key);
                for (var c = 0; c < entry.Cells.Count; c++)
                {
                    var cellKey = $"{key}:Cells:{c.ToString(CultureInfo.InvariantCulture)}";
                    Check(entry.Cells[c], cellKey);
                    ClaimPin(entry.Cells[c].DataPin, cellKey, "DataPin");
                    ClaimPin(entry.Cells[c].ClockPin, cellKey, "ClockPin");
                }

                BalanceBoards.Add(board);
                _devices.Add(new PlannedDevice(entry.Id, kind.ToString(), "gpio", $"{entry.Cells.Count} cells"));
                break;
            case GpioDeviceKind.SessionButton:
                if (SessionButtonId is not null)
                {
                    _errors.Add($"{key}:Kind SessionButton: only one session button is supported ('{SessionButtonId}' is one)");
                    return;
                }

                SessionButtonId = entry.Id;
                Session.ButtonPin = RequiredPin(entry.Pin, key, nameof(entry.Pin)) ?? Session.ButtonPin;
                Session.ActiveLow = entry.ActiveLow ?? Session.ActiveLow;
                if (entry.DebounceMs is { } debounce)
                {
                    Session.Debounce = Milliseconds(debounce, key, nameof(entry.DebounceMs)) ?? Session.Debounce;
                }

                _devices.Add(new PlannedDevice(entry.Id, kind.ToString(), "gpio", $"pin {Session.ButtonPin}"));
                break;
            case GpioDeviceKind.Led:
                if (Session.SessionLedPin is not null)
                {
                    _errors.Add($"{key}:Kind Led: only one session LED is supported");
                    return;
                }

                Session.SessionLedPin = RequiredPin(entry.Pin, key, nameof(entry.Pin));
                _devices.Add(new PlannedDevice(entry.Id, kind.ToString(), "gpio", $"pin {entry.Pin}"));
                break;
            default:
                if (Session.CommitFeedbackPin is not null)
                {
                    _errors.Add($"{key}:Kind Buzzer: only one buzzer is supported");
                    return;
                }

                Session.CommitFeedbackPin = RequiredPin(entry.Pin, key, nameof(entry.Pin));
                if (entry.PulseMs is { } pulse)
                {
                    Session.CommitPulse = Milliseconds(pulse, key, nameof(entry.PulseMs)) ?? Session.CommitPulse;
                }

                _devices.Add(new PlannedDevice(entry.Id, kind.ToString(), "gpio", $"pin {entry.Pin}"));
                break;
        }

        if (kind is GpioDeviceKind.SessionButton or GpioDeviceKind.Led or GpioDeviceKind.Buzzer)
        {
            Check(Session, key);
        }
    }

    private bool CheckIdAndKind(string id, Enum? kind, string key)
    {
        var ok = true;
        if (string.IsNullOrEmpty(id))
        {
            _errors.Add($"{key}:Id is missing");
            ok = false;
        }
        else if (!_idKeys.TryAdd(id, key))
        {
            _errors.Add($"{key}:Id '{id}' is already used by {_idKeys[id]}");
            ok = false;
        }

        if (kind is null)
        {
            _errors.Add($"{key}:Kind is missing");
            ok = false;
        }

        return ok;
    }

    private int Address(I2cSensorEntry entry, string key, int defaultAddress)
    {
        if (entry.Address is null)
        {
            return defaultAddress;
        }

        if (TryParseAddress(entry.Address, out var address))
        {
            return address;
        }

        _errors.Add($"{key}:Address '{entry.Address}' is not an I2C address (write 0x68 or 104)");
        return defaultAddress;
    }

    private int? RequiredPin(int? pin, string key, string name)
    {
        if (pin is not { } value)
        {
            _errors.Add($"{key}:{name} is missing");
            return null;
        }

        ClaimPin(value, key, name);
        return value;
    }

    private void ClaimPin(int pin, string key, string name)
    {
        if (pin is < 0 or > 255)
        {
            _errors.Add($"{key}:{name} {pin} is not a GPIO pin (0-255)");
        }
        else if (!_pinKeys.TryAdd(pin, $"{key}:{name}"))
        {
            _errors.Add($"{key}:{name} {pin} is already used by {_pinKeys[pin]}");
        }
    }

    private void Polling(PolledSensorOptions options, string id, double? sampleHz, double? retryInitial, double? retryMax, string key)
    {
        options.DeviceId = id;
        if (sampleHz is { } hz)
        {
            if (!double.IsFinite(hz) || hz is < 0.01 or > 1000)
            {
                _errors.Add($"{key}:SampleHz {hz.ToString(CultureInfo.InvariantCulture)} is outside 0.01-1000");
            }
            else
            {
                options.SamplePeriod = TimeSpan.FromSeconds(1 / hz);
            }
        }

        options.RetryInitialDelay = retryInitial is { } initial ? Seconds(initial, key, "RetryInitialSeconds") ?? options.RetryInitialDelay : options.RetryInitialDelay;
        options.RetryMaxDelay = retryMax is { } max ? Seconds(max, key, "RetryMaxSeconds") ?? options.RetryMaxDelay : options.RetryMaxDelay;
    }

    private TimeSpan? Seconds(double value, string key, string name)
    {
        if (double.IsFinite(value) && value > 0 && value <= 86_400)
        {
            return TimeSpan.FromSeconds(value);
        }

        _errors.Add($"{key}:{name} {value.ToString(CultureInfo.InvariantCulture)} must be a positive number of seconds");
        return null;
    }

    private TimeSpan? Milliseconds(double value, string key, string name)
        => Seconds(value / 1000, key, name) is { } span ? span : null;

    private void Check(object options, string key)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            return;
        }

        foreach (var result in results)
        {
            var members = result.MemberNames.Select(RegistryName).DefaultIfEmpty("?");
            _errors.Add($"{key}:{string.Join(",", members)}: {result.ErrorMessage}");
        }
    }

    /// <summary>The registry's name of an options property (the options classes name some differently).</summary>
    private static string RegistryName(string member) => member switch
    {
        nameof(PolledSensorOptions.DeviceId) => "Id",
        nameof(ImuSensorOptions.BusId) => "Bus",
        nameof(PolledSensorOptions.SamplePeriod) => "SampleHz",
        nameof(PolledSensorOptions.RetryInitialDelay) => "RetryInitialSeconds",
        nameof(PolledSensorOptions.RetryMaxDelay) => "RetryMaxSeconds",
        nameof(PulseOximeterOptions.Window) => "WindowSeconds",
        nameof(SessionButtonOptions.ButtonPin) or nameof(SessionButtonOptions.SessionLedPin) or nameof(SessionButtonOptions.CommitFeedbackPin) => "Pin",
        nameof(SessionButtonOptions.Debounce) => "DebounceMs",
        nameof(SessionButtonOptions.CommitPulse) => "PulseMs",
        _ => member,
    };
}
