using CsCheck;
using Telehealth.Gateway.Devices.Gatt.Decode;
using Telehealth.Gateway.Devices.Gatt.Decoding;
using Xunit.Abstractions;

namespace Telehealth.UnitTests.Devices.Gatt.Fuzz;

/// <summary>
/// 200,000 byte arrays per decoder (half random, half mutated valid values): no exception escapes, every failure
/// has a reason, and every success can be written as the decode command's JSON.
/// </summary>
public sealed class GattDecoderFuzzTests(ITestOutputHelper output)
{
    private const int RandomPerDecoder = 100_000;
    private const int MutatedPerDecoder = 100_000;

    private static readonly Dictionary<ushort, string[]> Seeds = new()
    {
        [GattCharacteristics.HeartRateMeasurement] = ["06 48", "19 48 01 10 27 00 04 00 02"],
        [GattCharacteristics.BloodPressureMeasurement] = ["1E 78 00 50 00 5D 00 EA 07 0B 18 0A 1E 0F 48 00 01 0D 00", "01 A0 F0 AB F0 C4 F0"],
        [GattCharacteristics.WeightMeasurement] = ["0F B0 36 EA 07 0B 18 07 05 00 03 F1 00 D2 06", "00 B0 36"],
        [GattCharacteristics.PlxSpotCheckMeasurement] = ["1F 62 00 48 00 EA 07 0B 18 0A 1E 0F 80 00 20 80 00 1E F0"],
        [GattCharacteristics.PlxContinuousMeasurement] = ["1F 62 00 48 00 61 00 49 00 60 00 FF 07 00 20 01 00 01 1E F0"],
        [GattCharacteristics.TemperatureMeasurement] = ["06 6E 01 00 FF EA 07 0B 18 0A 1E 0F 02"],
        [GattCharacteristics.CscMeasurement] = ["03 0A 00 00 00 00 04 05 00 00 08"],
        [GattCharacteristics.CyclingPowerMeasurement] = ["FF 1F C8 00 64 40 01 E8 03 00 00 00 08 32 00 00 04 2C 01 EC FF 40 00 E0 FF B4 00 05 0A 00 BE 00 78 00"],
        [GattCharacteristics.RscMeasurement] = ["07 00 03 B4 8C 00 10 27 00 00"],
    };

    [Fact]
    public void Decode_RandomAndMutatedValues_NeverThrowsAndEveryFailureHasAReason()
    {
        var registry = new GattDecoderRegistry(TimeSpan.FromHours(14));
        var exceptions = 0;
        var failures = 0;
        var successes = 0;
        foreach (var decoder in registry.Decoders)
        {
            var seeds = Seeds[decoder.Characteristic].Select(hex => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal))).ToArray();
            var random = Gen.Byte.Array[0, 40];
            var mutated = Gen.Int[0, seeds.Length - 1].SelectMany(i => Mutation(seeds[i]));
            void Check(byte[] value)
            {
                try
                {
                    var result = decoder.Decode(value);
                    if (result.IsSuccess)
                    {
                        Interlocked.Increment(ref successes);
                        Assert.StartsWith("{\"characteristic\":", GattResultJson.Write(result), StringComparison.Ordinal);
                    }
                    else
                    {
                        Interlocked.Increment(ref failures);
                        Assert.False(string.IsNullOrWhiteSpace(result.Error), $"failure without a reason for {Convert.ToHexString(value)}");
                    }
                }
                catch (Exception e) when (e is not Xunit.Sdk.XunitException)
                {
                    Interlocked.Increment(ref exceptions);
                    throw;
                }
            }

            random.Sample(Check, iter: RandomPerDecoder);
            mutated.Sample(Check, iter: MutatedPerDecoder);
        }

        output.WriteLine($"{registry.Decoders.Count} decoders × {RandomPerDecoder + MutatedPerDecoder} values: {successes} decoded, {failures} rejected with a reason, {exceptions} exceptions");
        Assert.Equal(0, exceptions);
        Assert.Equal(registry.Decoders.Count * (RandomPerDecoder + MutatedPerDecoder), successes + failures);
    }

    /// <summary>Flips bytes, truncates or extends a valid value.</summary>
    private static Gen<byte[]> Mutation(byte[] seed) =>
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, Math.Max(seed.Length - 1, 0)], Gen.Byte, Gen.Byte.Array[1, 6], (kind, at, b, extra) =>
        {
            var copy = seed.ToArray();
            return kind switch
            {
                0 => Flip(copy, at, b),
                1 => copy[..at],
                2 => [.. copy, .. extra],
                _ => Flip(Flip(copy, at, b), 0, (byte)(copy[0] ^ extra[0])),
            };
        });

    private static byte[] Flip(byte[] value, int at, byte with)
    {
        if (value.Length > 0)
        {
            value[at % value.Length] = with;
        }

        return value;
    }
}
