using System.Device.I2c;
using Microsoft.Extensions.Logging;
using Telehealth.Gateway.Core.Readings;
using Telehealth.Gateway.Devices.Analytics;
using Telehealth.Gateway.Devices.Sensors.Polling;

namespace Telehealth.Gateway.Devices.Sensors.PulseOximeter;

/// <summary>
/// A MAX30102 finger pulse oximeter: drains the FIFO each period into a window of
/// <see cref="PulseOximeterOptions.Window"/>; each time the window is full it is estimated by
/// <see cref="SpO2Estimator"/>, and a valid estimate is appended as spo2 (%) and pulse_rate (/min) readings stamped with
/// the window's end; then a new window starts. A lifted finger or a lost sample (FIFO overflow, seen in OVF_COUNTER or
/// possible because the drain took too long) discards the window.
/// </summary>
public sealed class PulseOximeterSensor : PolledSensor
{
    private const byte PartIdRegister = 0xFF;
    private readonly PulseOximeterOptions _options;
    private readonly Func<PulseOximeterOptions, I2cDevice> _openDevice;
    private readonly ISessionFeedback _feedback;
    private readonly List<Max30102Sample> _window = [];
    private readonly Max30102Sample[] _drain = new Max30102Sample[Max30102.FifoDepth];
    private Max30102? _chip;

    public PulseOximeterSensor(
        PulseOximeterOptions options,
        Func<PulseOximeterOptions, I2cDevice> openDevice,
        ISessionFeedback feedback,
        IReadingSink sink,
        TimeProvider timeProvider,
        ILogger<PulseOximeterSensor> logger)
        : base(OptionsGuard.Validate(options, PulseOximeterOptions.SectionName), sink, timeProvider, logger)
    {
        _options = options;
        _openDevice = openDevice ?? throw new ArgumentNullException(nameof(openDevice));
        _feedback = feedback ?? throw new ArgumentNullException(nameof(feedback));
    }

    /// <summary>The last valid estimate.</summary>
    public SpO2Estimate? LastEstimate { get; private set; }

    /// <summary>Windows discarded (no finger, poor signal, lost samples).</summary>
    public long WindowsDiscarded { get; private set; }

    /// <inheritdoc />
    protected override string Open()
    {
        var device = _openDevice(_options);
        try
        {
            device.WriteByte(PartIdRegister);
            var partId = device.ReadByte();
            if (partId != Max30102.ExpectedPartId)
            {
                throw new SensorIdentityException(
                    $"The device at 0x{_options.Address:X2} on I2C bus {_options.BusId} has PART_ID 0x{partId:X2}, expected 0x{Max30102.ExpectedPartId:X2} (MAX30102){(partId == 0x11 ? " — that is a MAX30100" : string.Empty)}. Check the wiring and the Kind configured for device '{_options.DeviceId}'.");
            }

            var chip = new Max30102(device);
            chip.Reset();
            chip.ConfigureSpO2(_options.SampleRate);
            _chip = chip;
        }
        catch
        {
            device.Dispose();
            throw;
        }

        _window.Clear();
        return $"MAX30102 at 0x{_options.Address:X2} on I2C bus {_options.BusId}, {_chip.SamplesPerSecond} samples/s";
    }

    /// <inheritdoc />
    protected override async ValueTask<bool> SampleAsync(CancellationToken cancellationToken)
    {
        var chip = _chip ?? throw new InvalidOperationException("The pulse oximeter is not open.");
        var rate = chip.SamplesPerSecond;
        var count = 0;
        for (var drains = 0; drains < 2; drains++)
        {
            var started = TimeProvider.GetTimestamp();
            var drained = chip.DrainFifo(_drain);
            var holed = drained.SamplesLost || MayHaveOverflowedWhileReading(drained.Count, TimeProvider.GetElapsedTime(started), rate);
            if (holed)
            {
                // Samples were lost before these: the window would have a hole in time. These start the next one.
                Discard();
            }

            for (var i = 0; i < drained.Count; i++)
            {
                _window.Add(_drain[i]);
            }

            count += drained.Count;
            if (!holed)
            {
                break;
            }

            // The FIFO filled up while it was read: what came in meanwhile waits behind the samples read. Take it now,
            // or the next poll could find the FIFO exactly full, which its pointers cannot tell from empty.
        }

        if (_window.Count < _options.Window.TotalSeconds * rate)
        {
            return count > 0;
        }

        var estimate = SpO2Estimator.Estimate([.. _window], rate);
        _window.Clear();
        if (estimate is null)
        {
            WindowsDiscarded++;
            return true;
        }

        LastEstimate = estimate;
        var now = TimeProvider.GetUtcNow();
        DeviceReading[] readings =
        [
            CatalogReadings.Create(DeviceId, CatalogReadings.Spo2, Math.Round(estimate.SpO2Percent, 1), now, now),
            CatalogReadings.Create(DeviceId, CatalogReadings.PulseRate, Math.Round(estimate.PulseBpm, 1), now, now),
        ];
        if (await TryAppendAsync(readings, cancellationToken))
        {
            _feedback.ReadingsCommitted();
        }

        return true;
    }

    /// <inheritdoc />
    protected override void Close()
    {
        var chip = _chip;
        _chip = null;
        _window.Clear();
        chip?.Dispose();
    }

    /// <summary>
    /// True when the conversions made while the FIFO was being read could have filled it before the first sample was
    /// popped: the chip then overwrites the oldest samples and the pop resets OVF_COUNTER, so the loss would not show.
    /// Counted conservatively: the samples that were waiting, plus every conversion in the time the drain took, plus one.
    /// </summary>
    private static bool MayHaveOverflowedWhileReading(int waiting, TimeSpan took, int samplesPerSecond)
        => waiting + (int)Math.Ceiling(took.TotalSeconds * samplesPerSecond) + 1 > Max30102.FifoDepth;

    private void Discard()
    {
        if (_window.Count > 0)
        {
            WindowsDiscarded++;
            _window.Clear();
        }
    }
}
