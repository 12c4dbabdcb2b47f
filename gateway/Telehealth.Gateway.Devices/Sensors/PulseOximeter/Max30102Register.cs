namespace Telehealth.Gateway.Devices.Sensors.PulseOximeter;

/// <summary>MAX30102 registers (datasheet register map).</summary>
internal enum Max30102Register : byte
{
    InterruptStatus1 = 0x00,
    InterruptStatus2 = 0x01,
    InterruptEnable1 = 0x02,
    InterruptEnable2 = 0x03,
    FifoWritePointer = 0x04,
    OverflowCounter = 0x05,
    FifoReadPointer = 0x06,
    FifoData = 0x07,
    FifoConfig = 0x08,
    ModeConfig = 0x09,
    SpO2Config = 0x0A,
    Led1PulseAmplitude = 0x0C,
    Led2PulseAmplitude = 0x0D,
    RevisionId = 0xFE,
    PartId = 0xFF,
}
