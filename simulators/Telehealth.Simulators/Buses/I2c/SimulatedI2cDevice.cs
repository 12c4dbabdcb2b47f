using System.Device.I2c;

namespace Telehealth.Simulators.Buses.I2c;

/// <summary>
/// An I2C device on a simulated bus: a 256-byte register map behind a register pointer that auto-increments, as
/// most sensors implement it. A write sets the pointer from its first byte and stores the rest; a read returns bytes
/// from the pointer on. Subclasses refresh output registers in <see cref="BeforeRead"/> and react to configuration in
/// <see cref="AfterWrite"/>. Setting <see cref="Present"/> to false makes every transfer fail with the
/// <see cref="IOException"/> Linux reports for a device that does not acknowledge its address.
/// </summary>
public abstract class SimulatedI2cDevice : I2cDevice
{
    private readonly byte[] _registers = new byte[256];
    private readonly object _gate = new();
    private volatile bool _present = true;

    protected SimulatedI2cDevice(I2cConnectionSettings settings)
    {
        ConnectionSettings = settings ?? throw new ArgumentNullException(nameof(settings));
    }

    /// <inheritdoc />
    public override I2cConnectionSettings ConnectionSettings { get; }

    /// <summary>False while the device is unplugged (or powered off): every transfer throws <see cref="IOException"/>.</summary>
    public bool Present
    {
        get => _present;
        set => _present = value;
    }

    /// <summary>The register the next read or write starts at.</summary>
    public byte RegisterPointer { get; private set; }

    /// <summary>How many times a binding disposed this device (the simulator stays usable afterwards).</summary>
    public int DisposeCount { get; private set; }

    /// <summary>Number of transfers (reads and writes) the device has answered.</summary>
    public long TransferCount { get; private set; }

    /// <summary>Reads a register as the device holds it, without bus side effects (for tests).</summary>
    public byte Peek(byte register)
    {
        lock (_gate)
        {
            return _registers[register];
        }
    }

    /// <summary>Sets a register as the device would hold it, without bus side effects (for tests and subclasses).</summary>
    public void Poke(byte register, byte value)
    {
        lock (_gate)
        {
            _registers[register] = value;
        }
    }

    /// <inheritdoc />
    public override byte ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        Read(one);
        return one[0];
    }

    /// <inheritdoc />
    public override void Read(Span<byte> buffer)
    {
        lock (_gate)
        {
            EnsurePresent();
            BeforeRead(RegisterPointer, buffer.Length);
            for (var i = 0; i < buffer.Length; i++)
            {
                buffer[i] = ReadAt(RegisterPointer);
                if (AutoIncrements(RegisterPointer))
                {
                    RegisterPointer = unchecked((byte)(RegisterPointer + 1));
                }
            }
        }
    }

    /// <inheritdoc />
    public override void WriteByte(byte value)
    {
        Span<byte> one = [value];
        Write(one);
    }

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return;
        }

        lock (_gate)
        {
            EnsurePresent();
            RegisterPointer = buffer[0];
            for (var i = 1; i < buffer.Length; i++)
            {
                var register = RegisterPointer;
                _registers[register] = buffer[i];
                RegisterPointer = unchecked((byte)(RegisterPointer + 1));
                AfterWrite(register, buffer[i]);
            }
        }
    }

    /// <inheritdoc />
    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        lock (_gate)
        {
            Write(writeBuffer);
            Read(readBuffer);
        }
    }

    /// <summary>Called (under the device lock) before <paramref name="length"/> bytes are read from register <paramref name="address"/> on.</summary>
    protected virtual void BeforeRead(byte address, int length)
    {
    }

    /// <summary>The byte a read at register <paramref name="address"/> returns (under the device lock). Default: the register map.</summary>
    protected virtual byte ReadAt(byte address) => _registers[address];

    /// <summary>Whether the register pointer moves on after a read at <paramref name="address"/> (a FIFO data register does not).</summary>
    protected virtual bool AutoIncrements(byte address) => true;

    /// <summary>Called (under the device lock) after a byte was written to register <paramref name="address"/>.</summary>
    protected virtual void AfterWrite(byte address, byte value)
    {
    }

    /// <summary>Writes a register from a subclass while the device lock is held.</summary>
    protected void SetRegister(byte register, byte value) => _registers[register] = value;

    /// <summary>Reads a register from a subclass while the device lock is held.</summary>
    protected byte GetRegister(byte register) => _registers[register];

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        DisposeCount++;
        base.Dispose(disposing);
    }

    private void EnsurePresent()
    {
        TransferCount++;
        if (!_present)
        {
            // What the Linux i2c-dev driver surfaces for a NACKed address (errno 121, EREMOTEIO).
            throw new IOException($"Error 121 performing I2C data transfer: no device at address 0x{ConnectionSettings.DeviceAddress:X2} on bus {ConnectionSettings.BusId}.");
        }
    }
}
