using System.Device.I2c;

namespace Telehealth.Gateway.Devices.Sensors.PulseOximeter;

/// <summary>
/// MAX30102 pulse oximeter and heart-rate sensor (Maxim), in the style of the dotnet/iot bindings: it owns and
/// disposes its <see cref="I2cDevice"/>, checks PART_ID (0x15) on construction, and exposes the SpO2 mode: red and IR
/// LEDs, one (red, IR) sample per conversion into a 32-sample FIFO read as 6-byte bursts from FIFO_DATA.
/// </summary>
public sealed class Max30102 : IDisposable
{
    /// <summary>The MAX30102's fixed 7-bit address.</summary>
    public const byte DefaultI2cAddress = 0x57;

    /// <summary>PART_ID of a MAX30102.</summary>
    public const byte ExpectedPartId = 0x15;

    /// <summary>FIFO depth in samples.</summary>
    public const int FifoDepth = 32;

    private const int BytesPerSample = 6;
    private const int SampleMask = 0x3FFFF;
    private const byte ResetBit = 0x40;
    private const byte ShutdownBit = 0x80;
    private const byte SpO2Mode = 0x03;
    private const int MaxResetPolls = 100;

    private I2cDevice? _device;

    /// <exception cref="IOException">The chip's PART_ID is not 0x15.</exception>
    public Max30102(I2cDevice i2cDevice)
    {
        _device = i2cDevice ?? throw new ArgumentNullException(nameof(i2cDevice));
        var partId = ReadByte(Max30102Register.PartId);
        if (partId != ExpectedPartId)
        {
            throw new IOException($"The device at 0x{i2cDevice.ConnectionSettings.DeviceAddress:X2} has PART_ID 0x{partId:X2}, not 0x{ExpectedPartId:X2} (MAX30102).");
        }
    }

    /// <summary>The configured sample rate, samples per second (0 before <see cref="ConfigureSpO2"/>).</summary>
    public int SamplesPerSecond { get; private set; }

    /// <summary>REV_ID.</summary>
    public byte RevisionId => ReadByte(Max30102Register.RevisionId);

    /// <summary>Software reset: all registers to their power-on values; waits until RESET clears.</summary>
    public void Reset()
    {
        WriteByte(Max30102Register.ModeConfig, ResetBit);
        for (var i = 0; i < MaxResetPolls; i++)
        {
            if ((ReadByte(Max30102Register.ModeConfig) & ResetBit) == 0)
            {
                SamplesPerSecond = 0;
                return;
            }
        }

        throw new IOException("The MAX30102 did not leave reset.");
    }

    /// <summary>
    /// Configures SpO2 mode: no sample averaging, FIFO rollover on (the newest data wins when the host is late),
    /// the given rate, pulse width, ADC range and LED currents (0.2 mA per step; 0x24 ≈ 7 mA), then empties the FIFO.
    /// </summary>
    public void ConfigureSpO2(
        Max30102SampleRate sampleRate = Max30102SampleRate.Sps100,
        Max30102PulseWidth pulseWidth = Max30102PulseWidth.Us411,
        Max30102AdcRange adcRange = Max30102AdcRange.Na4096,
        byte redCurrent = 0x24,
        byte irCurrent = 0x24)
    {
        WriteByte(Max30102Register.FifoConfig, 0x10 | 0x0F); // SMP_AVE = 1 sample, FIFO_ROLLOVER_EN, FIFO_A_FULL = 15
        WriteByte(Max30102Register.SpO2Config, (byte)(((byte)adcRange << 5) | ((byte)sampleRate << 2) | (byte)pulseWidth));
        WriteByte(Max30102Register.Led1PulseAmplitude, redCurrent);
        WriteByte(Max30102Register.Led2PulseAmplitude, irCurrent);
        ClearFifo();
        WriteByte(Max30102Register.ModeConfig, SpO2Mode);
        SamplesPerSecond = sampleRate switch
        {
            Max30102SampleRate.Sps50 => 50,
            Max30102SampleRate.Sps100 => 100,
            Max30102SampleRate.Sps200 => 200,
            Max30102SampleRate.Sps400 => 400,
            Max30102SampleRate.Sps800 => 800,
            Max30102SampleRate.Sps1000 => 1000,
            Max30102SampleRate.Sps1600 => 1600,
            _ => 3200,
        };
    }

    /// <summary>Empties the FIFO (write, overflow and read pointers to zero).</summary>
    public void ClearFifo()
    {
        WriteByte(Max30102Register.FifoWritePointer, 0);
        WriteByte(Max30102Register.OverflowCounter, 0);
        WriteByte(Max30102Register.FifoReadPointer, 0);
    }

    /// <summary>Puts the chip in shutdown (LEDs off, FIFO kept).</summary>
    public void Shutdown() => WriteByte(Max30102Register.ModeConfig, (byte)(ReadByte(Max30102Register.ModeConfig) | ShutdownBit));

    /// <summary>Samples lost to a full FIFO since the last sample was read (saturates at 31).</summary>
    public int OverflowCount => ReadByte(Max30102Register.OverflowCounter) & 0x1F;

    /// <summary>Samples waiting in the FIFO: (FIFO_WR_PTR − FIFO_RD_PTR) mod 32, or 32 when OVF_COUNTER says it is full.</summary>
    public int AvailableSamples() => ReadPointers().Waiting;

    /// <summary>Reads up to <paramref name="destination"/>.Length waiting samples in one burst; returns how many.</summary>
    public int ReadFifo(Span<Max30102Sample> destination) => DrainFifo(destination).Count;

    /// <summary>
    /// Reads up to <paramref name="destination"/>.Length waiting samples in one burst, and tells whether samples were
    /// lost before them. OVF_COUNTER is read in the same burst as the pointers: popping a sample resets it, so a
    /// separate read before the drain would miss a loss that happened in between.
    /// </summary>
    public Max30102FifoRead DrainFifo(Span<Max30102Sample> destination)
    {
        var (waiting, lost) = ReadPointers();
        var count = Math.Min(waiting, Math.Min(destination.Length, FifoDepth));
        if (count == 0)
        {
            return new Max30102FifoRead(0, lost);
        }

        Span<byte> raw = stackalloc byte[FifoDepth * BytesPerSample];
        raw = raw[..(count * BytesPerSample)];
        ReadBytes(Max30102Register.FifoData, raw);
        for (var i = 0; i < count; i++)
        {
            var s = raw.Slice(i * BytesPerSample, BytesPerSample);
            destination[i] = new Max30102Sample(
                ((s[0] << 16) | (s[1] << 8) | s[2]) & SampleMask,
                ((s[3] << 16) | (s[4] << 8) | s[5]) & SampleMask);
        }

        return new Max30102FifoRead(count, lost);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _device?.Dispose();
        _device = null;
    }

    /// <summary>WR_PTR, OVF_COUNTER and RD_PTR in one burst: the samples waiting and whether any were lost.</summary>
    private (int Waiting, bool Lost) ReadPointers()
    {
        Span<byte> pointers = stackalloc byte[3];
        ReadBytes(Max30102Register.FifoWritePointer, pointers);
        var waiting = ((pointers[0] & 0x1F) - (pointers[2] & 0x1F) + FifoDepth) % FifoDepth;
        var lost = (pointers[1] & 0x1F) != 0;
        return (waiting == 0 && lost ? FifoDepth : waiting, lost);
    }

    private I2cDevice Device => _device ?? throw new ObjectDisposedException(nameof(Max30102));

    private byte ReadByte(Max30102Register register)
    {
        Device.WriteByte((byte)register);
        return Device.ReadByte();
    }

    private void ReadBytes(Max30102Register register, Span<byte> buffer)
    {
        Device.WriteByte((byte)register);
        Device.Read(buffer);
    }

    private void WriteByte(Max30102Register register, byte value)
    {
        Span<byte> data = [(byte)register, value];
        Device.Write(data);
    }
}
