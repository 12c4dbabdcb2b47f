namespace Telehealth.Simulators.Buses.Max30102;

/// <summary>MAX30102 register addresses and values (Maxim MAX30102 datasheet, register map table).</summary>
public static class Max30102Registers
{
    public const byte InterruptStatus1 = 0x00;
    public const byte InterruptStatus2 = 0x01;
    public const byte FifoWritePointer = 0x04;
    public const byte OverflowCounter = 0x05;
    public const byte FifoReadPointer = 0x06;
    public const byte FifoData = 0x07;
    public const byte FifoConfig = 0x08;
    public const byte ModeConfig = 0x09;
    public const byte SpO2Config = 0x0A;
    public const byte Led1PulseAmplitude = 0x0C;
    public const byte Led2PulseAmplitude = 0x0D;
    public const byte RevisionId = 0xFE;
    public const byte PartId = 0xFF;

    /// <summary>PART_ID of a MAX30102.</summary>
    public const byte PartIdValue = 0x15;

    /// <summary>MODE_CONFIG RESET bit (self-clearing).</summary>
    public const byte ResetBit = 0x40;

    /// <summary>MODE_CONFIG SHDN bit.</summary>
    public const byte ShutdownBit = 0x80;

    /// <summary>MODE[2:0] = SpO2 mode: red and IR LEDs, one 6-byte FIFO sample (red, IR) per conversion.</summary>
    public const byte SpO2Mode = 0x03;

    /// <summary>MODE[2:0] = heart-rate mode: red LED only.</summary>
    public const byte HeartRateMode = 0x02;

    /// <summary>FIFO depth in samples.</summary>
    public const int FifoDepth = 32;

    /// <summary>Sample rates selected by SPO2_SR[2:0] (SPO2_CONFIG bits 4:2), samples per second.</summary>
    public static ReadOnlySpan<int> SampleRates => [50, 100, 200, 400, 800, 1000, 1600, 3200];
}
