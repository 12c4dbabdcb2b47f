using System.Device.I2c;
using Iot.Device.Mlx90614;
using Microsoft.Extensions.Logging;
using Telehealth.Gateway.Core.Readings;
using Telehealth.Gateway.Devices.Analytics;
using Telehealth.Gateway.Devices.Sensors.Polling;

namespace Telehealth.Gateway.Devices.Sensors.Thermometer;

/// <summary>
/// An MLX90614 on I2C through the Iot.Device.Bindings <see cref="Mlx90614"/> binding: reads the object temperature
/// each period. When someone comes in front of the sensor (above the presence threshold) it takes
/// <see cref="ThermometerOptions.SamplesPerMeasurement"/> samples and appends their median as one body_temperature
/// reading (Cel), with "reading committed" feedback; the next measurement needs the person to step away first.
/// </summary>
public sealed class BodyThermometerSensor : PolledSensor
{
    private readonly ThermometerOptions _options;
    private readonly Func<ThermometerOptions, I2cDevice> _openDevice;
    private readonly ISessionFeedback _feedback;
    private readonly List<double> _measurement = [];
    private Mlx90614? _thermometer;
    private bool _measuredThisPresence;

    public BodyThermometerSensor(
        ThermometerOptions options,
        Func<ThermometerOptions, I2cDevice> openDevice,
        ISessionFeedback feedback,
        IReadingSink sink,
        TimeProvider timeProvider,
        ILogger<BodyThermometerSensor> logger)
        : base(OptionsGuard.Validate(options, ThermometerOptions.SectionName), sink, timeProvider, logger)
    {
        _options = options;
        _openDevice = openDevice ?? throw new ArgumentNullException(nameof(openDevice));
        _feedback = feedback ?? throw new ArgumentNullException(nameof(feedback));
    }

    /// <summary>The last object temperature read, °C (including readings below the presence threshold).</summary>
    public double? LastCelsius { get; private set; }

    /// <inheritdoc />
    protected override string Open()
    {
        _thermometer = new Mlx90614(_openDevice(_options));
        return $"MLX90614 at 0x{_options.Address:X2} on I2C bus {_options.BusId}";
    }

    /// <inheritdoc />
    protected override async ValueTask<bool> SampleAsync(CancellationToken cancellationToken)
    {
        var thermometer = _thermometer ?? throw new InvalidOperationException("The thermometer is not open.");
        var celsius = thermometer.ReadObjectTemperature().DegreesCelsius;
        if (!double.IsFinite(celsius) || celsius < -70 || celsius > 380)
        {
            // Outside the MLX90614's measurement range: a corrupted transfer.
            throw new SensorDataException($"The MLX90614 reported {celsius} °C, outside its range of −70..380 °C.");
        }

        LastCelsius = celsius;
        if (celsius < _options.PresenceThresholdCelsius)
        {
            _measurement.Clear();
            _measuredThisPresence = false;
            return true;
        }

        if (_measuredThisPresence)
        {
            return true;
        }

        _measurement.Add(celsius);
        if (_measurement.Count < _options.SamplesPerMeasurement)
        {
            return true;
        }

        _measurement.Sort();
        var median = _measurement[_measurement.Count / 2];
        _measurement.Clear();
        var now = TimeProvider.GetUtcNow();
        var reading = CatalogReadings.Create(DeviceId, CatalogReadings.BodyTemperature, Math.Round(median + _options.OffsetCelsius, 2), now, now);
        if (await TryAppendAsync([reading], cancellationToken))
        {
            _measuredThisPresence = true;
            _feedback.ReadingsCommitted();
        }

        return true;
    }

    /// <inheritdoc />
    protected override void Close()
    {
        var thermometer = _thermometer;
        _thermometer = null;
        thermometer?.Dispose();
    }
}
