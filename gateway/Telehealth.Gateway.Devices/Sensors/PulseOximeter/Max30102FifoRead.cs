namespace Telehealth.Gateway.Devices.Sensors.PulseOximeter;

/// <summary>One drain of the MAX30102's FIFO.</summary>
/// <param name="Count">Samples read into the destination, oldest first.</param>
/// <param name="SamplesLost">
/// OVF_COUNTER was not zero when the pointers were read: samples were lost to a full FIFO before the ones read (with
/// rollover, the oldest were overwritten), so there is a hole in time between the previous drain and this one.
/// </param>
public readonly record struct Max30102FifoRead(int Count, bool SamplesLost);
