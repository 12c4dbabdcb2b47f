using System.Device.I2c;
using Telehealth.Simulators.Buses.I2c;

namespace Telehealth.Simulators.Buses.Max30102;

/// <summary>
/// A MAX30102 pulse oximeter on a simulated I2C bus (address 0x57). In SpO2 mode (MODE_CONFIG = 0x03, not shut down)
/// it converts at the SPO2_SR rate on the time provider's clock and pushes (red, IR) samples into its 32-sample FIFO:
/// FIFO_WR_PTR advances per sample; when the FIFO is full new samples are lost and OVF_COUNTER counts them (or, with
/// FIFO_ROLLOVER_EN, the oldest is overwritten). Reading FIFO_DATA (0x07) does not advance the register pointer: each
/// 6 bytes pop one sample, 3 bytes per channel, big-endian, 18 significant bits (red first, then IR), and advance
/// FIFO_RD_PTR. Writing MODE_CONFIG.RESET restores the power-on registers. PART_ID 0x15, REV_ID 0x03.
/// </summary>
public sealed class SimulatedMax30102 : SimulatedI2cDevice
{
    private readonly TimeProvider _timeProvider;
    private readonly byte _partId;
    private readonly (int Red, int Ir)[] _fifo = new (int, int)[Max30102Registers.FifoDepth];
    private PulseOximetryScript? _script;
    private Random _noise = new(0);
    private long _conversionStart;
    private long _produced;
    private int _write;
    private int _read;
    private int _count;
    private int _byteInSample;
    private (int Red, int Ir) _popping;

    public SimulatedMax30102(TimeProvider timeProvider, int busId = 1, int address = 0x57, byte partId = Max30102Registers.PartIdValue)
        : base(new I2cConnectionSettings(busId, address))
    {
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _partId = partId;
        ResetRegisters();
    }

    /// <summary>Samples lost because the FIFO was full (the host read too slowly).</summary>
    public long SamplesLost { get; private set; }

    /// <summary>True while no finger is on the sensor: the channels read only ambient light (a few hundred counts).</summary>
    public bool FingerAbsent { get; set; }

    /// <summary>The physiology the sensor sees from now on.</summary>
    public void Begin(PulseOximetryScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
#pragma warning disable CA5394 // Simulation noise, not security.
        _noise = new Random(script.Seed);
#pragma warning restore CA5394
        _script = script;
    }

    /// <inheritdoc />
    protected override void BeforeRead(byte address, int length)
    {
        if (address is >= Max30102Registers.FifoWritePointer and <= Max30102Registers.FifoData || address == Max30102Registers.InterruptStatus1)
        {
            Convert();
        }
    }

    /// <inheritdoc />
    protected override byte ReadAt(byte address)
    {
        if (address != Max30102Registers.FifoData)
        {
            return GetRegister(address);
        }

        if (_byteInSample == 0)
        {
            if (_count == 0)
            {
                _popping = (0, 0);
            }
            else
            {
                _popping = _fifo[_read];
                _read = (_read + 1) % Max30102Registers.FifoDepth;
                _count--;
                SetRegister(Max30102Registers.OverflowCounter, 0);
                SyncPointers();
            }
        }

        var value = _byteInSample < 3 ? _popping.Red : _popping.Ir;
        var shift = 16 - (8 * (_byteInSample % 3));
        _byteInSample = (_byteInSample + 1) % 6;
        return (byte)((value >> shift) & 0xFF);
    }

    /// <inheritdoc />
    protected override bool AutoIncrements(byte address) => address != Max30102Registers.FifoData;

    /// <inheritdoc />
    protected override void AfterWrite(byte address, byte value)
    {
        switch (address)
        {
            case Max30102Registers.ModeConfig when (value & Max30102Registers.ResetBit) != 0:
                ResetRegisters();
                break;
            case Max30102Registers.ModeConfig:
            case Max30102Registers.SpO2Config:
                RestartConversions();
                break;
            case Max30102Registers.FifoWritePointer:
                _write = value & 0x1F;
                _count = (_write - _read + Max30102Registers.FifoDepth) % Max30102Registers.FifoDepth;
                _byteInSample = 0;
                break;
            case Max30102Registers.FifoReadPointer:
                _read = value & 0x1F;
                _count = (_write - _read + Max30102Registers.FifoDepth) % Max30102Registers.FifoDepth;
                _byteInSample = 0;
                break;
            case Max30102Registers.PartId:
            case Max30102Registers.RevisionId:
                SetRegister(Max30102Registers.PartId, _partId);
                SetRegister(Max30102Registers.RevisionId, 0x03);
                break;
        }
    }

    private void ResetRegisters()
    {
        for (var r = 0; r < 256; r++)
        {
            Poke((byte)r, 0);
        }

        Poke(Max30102Registers.PartId, _partId);
        Poke(Max30102Registers.RevisionId, 0x03);
        Poke(Max30102Registers.InterruptStatus1, 0x01); // PWR_RDY
        _write = _read = _count = _byteInSample = 0;
        RestartConversions();
    }

    private void RestartConversions()
    {
        _conversionStart = _timeProvider.GetTimestamp();
        _produced = 0;
    }

    private bool Converting()
    {
        var mode = GetRegister(Max30102Registers.ModeConfig);
        return (mode & Max30102Registers.ShutdownBit) == 0 && (mode & 0x07) == Max30102Registers.SpO2Mode;
    }

    private void Convert()
    {
        if (!Converting())
        {
            return;
        }

        var rate = Max30102Registers.SampleRates[(GetRegister(Max30102Registers.SpO2Config) >> 2) & 0x07];
        var elapsed = _timeProvider.GetElapsedTime(_conversionStart);
        var due = (long)Math.Floor(elapsed.TotalSeconds * rate);
        var rollover = (GetRegister(Max30102Registers.FifoConfig) & 0x10) != 0;
        for (; _produced < due; _produced++)
        {
            var sample = Sample(TimeSpan.FromSeconds((double)(_produced + 1) / rate));
            if (_count == Max30102Registers.FifoDepth)
            {
                SamplesLost++;
                SetRegister(Max30102Registers.OverflowCounter, (byte)Math.Min(GetRegister(Max30102Registers.OverflowCounter) + 1, 0x1F));
                if (!rollover)
                {
                    continue;
                }

                _read = (_read + 1) % Max30102Registers.FifoDepth;
                _count--;
            }

            _fifo[_write] = sample;
            _write = (_write + 1) % Max30102Registers.FifoDepth;
            _count++;
        }

        SyncPointers();
    }

    private void SyncPointers()
    {
        SetRegister(Max30102Registers.FifoWritePointer, (byte)_write);
        SetRegister(Max30102Registers.FifoReadPointer, (byte)_read);
    }

    private (int Red, int Ir) Sample(TimeSpan sinceConversionsStarted)
    {
        if (_script is not { } script || FingerAbsent)
        {
            return (300, 400);
        }

        var (red, ir) = script.At(sinceConversionsStarted);
        return (Adc(red + Noise(script.NoiseCounts)), Adc(ir + Noise(script.NoiseCounts)));
    }

    private double Noise(double sd)
    {
        if (sd <= 0)
        {
            return 0;
        }

#pragma warning disable CA5394 // Simulation noise, not security.
        return sd * Math.Sqrt(-2.0 * Math.Log(1.0 - _noise.NextDouble())) * Math.Cos(2.0 * Math.PI * _noise.NextDouble());
#pragma warning restore CA5394
    }

    private static int Adc(double counts) => (int)Math.Clamp(Math.Round(counts), 0, 0x3FFFF);
}
