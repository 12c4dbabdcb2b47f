using Telehealth.Gateway.Devices.Gatt.Decoding;

namespace Telehealth.Gateway.Devices.Gatt.Decode;

/// <summary>
/// <c>decode &lt;characteristic-uuid&gt; &lt;hex-bytes&gt;</c>: decodes one characteristic value and prints one line of
/// JSON (exit code 0), or "error: …" on stderr (exit code 1). Date Time fields read as UTC.
/// </summary>
public static class DecodeCommand
{
    /// <summary>The usage text.</summary>
    public const string Usage =
        "usage: decode <characteristic-uuid> <hex-bytes>\n" +
        "  uuid: 2a37, 0x2A37 or 00002a37-0000-1000-8000-00805f9b34fb\n" +
        "  hex:  \"06 48 00\", 06:48:00 or 0x064800\n" +
        "  e.g.  decode 2a37 \"06 48\"";

    /// <summary>Runs the command; never throws for bad input.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Count != 2)
        {
            stderr.WriteLine($"error: expected 2 arguments, got {args.Count}");
            stderr.WriteLine(Usage);
            return 1;
        }

        var registry = new GattDecoderRegistry();
        if (!registry.TryGet(args[0], out var decoder))
        {
            var known = string.Join(", ", registry.Decoders
                .OrderBy(d => d.Characteristic)
                .Select(d => $"{GattUuid.Format(d.Characteristic)} {d.Name}"));
            stderr.WriteLine($"error: unknown characteristic '{args[0]}'; known: {known}");
            return 1;
        }

        if (!HexBytes.TryParse(args[1], out var bytes, out var hexError))
        {
            stderr.WriteLine($"error: bad hex bytes '{args[1]}': {hexError}");
            return 1;
        }

        var result = decoder.Decode(bytes);
        if (!result.IsSuccess)
        {
            stderr.WriteLine($"error: malformed {decoder.Name} ({GattUuid.Format(decoder.Characteristic)}) value [{HexBytes.Format(bytes)}]: {result.Error}");
            return 1;
        }

        stdout.WriteLine(GattResultJson.Write(result));
        return 0;
    }
}
