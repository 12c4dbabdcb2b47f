using System.Device.I2c;
using Telehealth.Simulators.Buses.I2c;

namespace Telehealth.Simulators.Buses.Mlx90614;

/// <summary>
/// An MLX90614 infrared thermometer on a simulated SMBus: RAM 0x06 (T_A, ambient) and 0x07 (T_OBJ1, object) hold
/// 16-bit little-endian words of 0.02 K per LSB, followed by a PEC byte (CRC-8, polynomial 0x07) over the
/// transaction, as the datasheet's read-word protocol sends them. Default address 0x5A.
/// </summary>
public sealed class SimulatedMlx90614 : SimulatedI2cDevice
{
    public const byte AmbientRegister = 0x06;
    public const byte ObjectRegister = 0x07;

    public SimulatedMlx90614(int busId = 1, int address = 0x5A)
        : base(new I2cConnectionSettings(busId, address))
    {
        ObjectCelsius = 36.6;
        AmbientCelsius = 22.0;
    }

    /// <summary>Object (skin) temperature reported in T_OBJ1, °C.</summary>
    public double ObjectCelsius { get; set; }

    /// <summary>Ambient temperature reported in T_A, °C.</summary>
    public double AmbientCelsius { get; set; }

    /// <summary>Converts a temperature to the chip's raw word (0.02 K per LSB), rounded to the nearest LSB.</summary>
    public static ushort ToRaw(double celsius) => (ushort)Math.Clamp(Math.Round((celsius + 273.15) / 0.02), 0, 0x7FFF);

    /// <inheritdoc />
    protected override void BeforeRead(byte address, int length)
    {
        var register = address;
        if (register is AmbientRegister or ObjectRegister)
        {
            var raw = ToRaw(register == AmbientRegister ? AmbientCelsius : ObjectCelsius);
            var low = (byte)(raw & 0xFF);
            var high = (byte)(raw >> 8);
            SetRegister(register, low);
            SetRegister((byte)(register + 1), high);
            var slave = (byte)(ConnectionSettings.DeviceAddress << 1);
            SetRegister((byte)(register + 2), Crc8([slave, register, (byte)(slave | 1), low, high]));
        }
    }

    private static byte Crc8(ReadOnlySpan<byte> data)
    {
        byte crc = 0;
        foreach (var b in data)
        {
            crc ^= b;
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 0x80) != 0 ? (byte)((crc << 1) ^ 0x07) : (byte)(crc << 1);
            }
        }

        return crc;
    }
}
