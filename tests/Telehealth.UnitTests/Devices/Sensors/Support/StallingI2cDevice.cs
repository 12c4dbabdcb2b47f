using System.Device.I2c;

namespace Telehealth.UnitTests.Devices.Sensors.Support;

/// <summary>
/// Passes every transfer to a simulated chip, but can run an action (e.g. advance the fake clock) just before the next
/// read of one register: the host thread stalled between two I2C transactions, as a busy gateway does.
/// </summary>
public sealed class StallingI2cDevice(I2cDevice chip) : I2cDevice
{
    private byte? _register;
    private (byte Register, Action Stall)? _next;

    public override I2cConnectionSettings ConnectionSettings => chip.ConnectionSettings;

    /// <summary>Runs <paramref name="stall"/> once, before the next read that follows selecting <paramref name="register"/>.</summary>
    public void StallBeforeNextRead(byte register, Action stall) => _next = (register, stall);

    public override byte ReadByte()
    {
        StallIfDue();
        return chip.ReadByte();
    }

    public override void Read(Span<byte> buffer)
    {
        StallIfDue();
        chip.Read(buffer);
    }

    public override void WriteByte(byte value)
    {
        _register = value;
        chip.WriteByte(value);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _register = buffer.Length > 0 ? buffer[0] : null;
        chip.Write(buffer);
    }

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        _register = writeBuffer.Length > 0 ? writeBuffer[0] : null;
        StallIfDue();
        chip.WriteRead(writeBuffer, readBuffer);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            chip.Dispose();
        }

        base.Dispose(disposing);
    }

    private void StallIfDue()
    {
        if (_next is { } next && _register == next.Register)
        {
            _next = null;
            next.Stall();
        }
    }
}
