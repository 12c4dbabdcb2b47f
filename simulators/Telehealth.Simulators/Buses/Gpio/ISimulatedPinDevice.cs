using System.Device.Gpio;

namespace Telehealth.Simulators.Buses.Gpio;

/// <summary>A chip wired to pins of a <see cref="SimulatedGpioDriver"/> that answers reads and sees writes on them.</summary>
public interface ISimulatedPinDevice
{
    /// <summary>The pins the chip drives (the host reads them).</summary>
    IReadOnlyCollection<int> OutputPins { get; }

    /// <summary>The pins the chip listens to (the host writes them).</summary>
    IReadOnlyCollection<int> InputPins { get; }

    /// <summary>The host wrote <paramref name="value"/> to one of <see cref="InputPins"/>.</summary>
    void OnHostWrite(int pin, PinValue value);

    /// <summary>The host reads one of <see cref="OutputPins"/>.</summary>
    PinValue OnHostRead(int pin);
}
