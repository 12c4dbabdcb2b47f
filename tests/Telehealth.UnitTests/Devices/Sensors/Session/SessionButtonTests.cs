using System.Device.Gpio;
using Microsoft.Extensions.Logging.Abstractions;
using Telehealth.Gateway.Devices.Analytics;
using Telehealth.Gateway.Devices.Sensors.Session;
using Telehealth.Simulators.Buses.Gpio;
using Telehealth.UnitTests.Devices.Sensors.Support;

namespace Telehealth.UnitTests.Devices.Sensors.Session;

/// <summary>Button edges on the simulated GPIO driver start and stop sessions; LED and buzzer writes are recorded.</summary>
public sealed class SessionButtonTests : IDisposable
{
    private const int Button = 17;
    private const int Led = 27;
    private const int Buzzer = 22;

    private readonly SensorTestKit _kit;
    private readonly SimulatedGpioDriver _driver;
    private readonly GpioController _controller;
    private GpioSessionFeedback? _feedback;
    private SimulatedGpioDriver? _driverHolder;
    private GpioController? _controllerHolder;
    private readonly SessionButton _button;
    private readonly SessionControlService _service;

    public SessionButtonTests()
    {
        var options = new SessionButtonOptions();
        _kit = new SensorTestKit(feedback: time =>
        {
            _driverHolder = new SimulatedGpioDriver(time);
            _controllerHolder = new GpioController(_driverHolder);
            _feedback = new GpioSessionFeedback(_controllerHolder, options, time);
            return _feedback;
        });
        _driver = _driverHolder!;
        _controller = _controllerHolder!;
        _button = new SessionButton(_controller, options, _kit.Time);
        _service = new SessionControlService(_button, _kit.Sessions, options, _kit.Time, NullLogger<SessionControlService>.Instance);
        _button.Start();
    }

    [Fact]
    public async Task PressAndRelease_Twice_SessionStartsThenStopsWithLedAndCommitPulse()
    {
        await PressAsync();
        Assert.True(_kit.Sessions.IsActive);
        Assert.Equal(PinValue.High, _driver.OutputLevel(Led));

        _kit.Time.Advance(TimeSpan.FromSeconds(30));
        await PressAsync();

        Assert.False(_kit.Sessions.IsActive);
        Assert.Equal(PinValue.Low, _driver.OutputLevel(Led));
        Assert.InRange(_kit.Sink.Value(CatalogReadings.SessionDuration), 30, 30.5);
        Assert.Equal(PinValue.High, _driver.OutputLevel(Buzzer));

        _kit.Time.Advance(TimeSpan.FromMilliseconds(150));
        Assert.Equal(PinValue.Low, _driver.OutputLevel(Buzzer));

        var ledWrites = _driver.Writes.Where(w => w.Pin == Led).Select(w => w.Value).ToList();
        Assert.Equal([PinValue.Low, PinValue.High, PinValue.Low], ledWrites); // opened low, on, off
        Assert.Equal(2, _service.PressesHandled);
    }

    [Fact]
    public async Task Bounce_EdgesWithinDebounce_OnePress()
    {
        _driver.SetInput(Button, PinValue.Low);
        _kit.Time.Advance(TimeSpan.FromMilliseconds(3));
        _driver.SetInput(Button, PinValue.High);
        _kit.Time.Advance(TimeSpan.FromMilliseconds(3));
        _driver.SetInput(Button, PinValue.Low);
        _kit.Time.Advance(TimeSpan.FromMilliseconds(200));
        _driver.SetInput(Button, PinValue.High);
        await _service.HandlePendingAsync(CancellationToken.None);

        Assert.True(_kit.Sessions.IsActive);
        Assert.Equal(1, _service.PressesHandled);
        Assert.Equal(2, _button.BouncesIgnored);
    }

    [Fact]
    public async Task ShortTap_ReleaseInsideDebounce_SettledAndNextPressCounts()
    {
        _driver.SetInput(Button, PinValue.Low);
        _kit.Time.Advance(TimeSpan.FromMilliseconds(30));
        _driver.SetInput(Button, PinValue.High); // released within the debounce window: ignored as an edge
        _kit.Time.Advance(TimeSpan.FromMilliseconds(100)); // the settle timer reads the pin: released
        await _service.HandlePendingAsync(CancellationToken.None);
        Assert.True(_kit.Sessions.IsActive);

        await PressAsync();

        Assert.False(_kit.Sessions.IsActive);
        Assert.Equal(2, _service.PressesHandled);
    }

    [Fact]
    public async Task NoActivity_IdleTimeoutReached_SessionEndsByItself()
    {
        await PressAsync();
        _kit.Time.Advance(TimeSpan.FromMinutes(4));
        await _service.HandlePendingAsync(CancellationToken.None);
        Assert.True(_kit.Sessions.IsActive);

        _kit.Time.Advance(TimeSpan.FromMinutes(1));
        await _service.HandlePendingAsync(CancellationToken.None);

        Assert.False(_kit.Sessions.IsActive);
        Assert.Equal(SessionEndReason.Idle, _kit.Sessions.LastEndReason);
        Assert.Equal(PinValue.Low, _driver.OutputLevel(Led));
    }

    public void Dispose()
    {
        _service.Dispose();
        _button.Dispose();
        _feedback?.Dispose();
        _controller.Dispose();
        _kit.Dispose();
    }

    private async Task PressAsync()
    {
        _driver.SetInput(Button, PinValue.Low);
        _kit.Time.Advance(TimeSpan.FromMilliseconds(120));
        _driver.SetInput(Button, PinValue.High);
        _kit.Time.Advance(TimeSpan.FromMilliseconds(120));
        await _service.HandlePendingAsync(CancellationToken.None);
    }
}
