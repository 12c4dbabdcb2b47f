using System.Device.Gpio;

namespace Telehealth.Simulators.Buses.Gpio;

/// <summary>One write to an output pin, as the simulated driver recorded it.</summary>
/// <param name="Pin">Logical pin number.</param>
/// <param name="Value">The value written.</param>
/// <param name="At">When, by the driver's time provider.</param>
public readonly record struct PinWrite(int Pin, PinValue Value, DateTimeOffset At);
