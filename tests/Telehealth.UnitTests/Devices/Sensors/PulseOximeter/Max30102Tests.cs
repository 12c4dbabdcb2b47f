using Microsoft.Extensions.Time.Testing;
using Telehealth.Gateway.Devices.Sensors.PulseOximeter;
using Telehealth.Simulators.Buses.Max30102;
using Telehealth.UnitTests.Devices.Sensors.Support;

namespace Telehealth.UnitTests.Devices.Sensors.PulseOximeter;

/// <summary>The MAX30102 binding against the simulated chip's registers and FIFO.</summary>
public sealed class Max30102Tests
{
    [Fact]
    public void Constructor_WrongPartId_Throws()
    {
        var time = new FakeTimeProvider(SensorTestKit.Start);
        var error = Assert.Throws<IOException>(() => new Max30102(new SimulatedMax30102(time, partId: 0x11)));
        Assert.Contains("PART_ID 0x11", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigureSpO2_DatasheetRegisterValues()
    {
        var time = new FakeTimeProvider(SensorTestKit.Start);
        var chip = new SimulatedMax30102(time);
        using var binding = new Max30102(chip);

        binding.Reset();
        binding.ConfigureSpO2(Max30102SampleRate.Sps100, Max30102PulseWidth.Us411, Max30102AdcRange.Na4096, 0x24, 0x30);

        Assert.Equal(0x03, chip.Peek(Max30102Registers.ModeConfig));
        Assert.Equal(0b0_01_001_11, chip.Peek(Max30102Registers.SpO2Config));
        Assert.Equal(0x1F, chip.Peek(Max30102Registers.FifoConfig));
        Assert.Equal(0x24, chip.Peek(Max30102Registers.Led1PulseAmplitude));
        Assert.Equal(0x30, chip.Peek(Max30102Registers.Led2PulseAmplitude));
        Assert.Equal(100, binding.SamplesPerSecond);
    }

    [Fact]
    public void ReadFifo_SamplesAccumulateAtRate_ReadInOrderAndPointersAdvance()
    {
        var time = new FakeTimeProvider(SensorTestKit.Start);
        var chip = new SimulatedMax30102(time);
        var script = new PulseOximetryScript(97, 60);
        chip.Begin(script);
        using var binding = new Max30102(chip);
        binding.ConfigureSpO2(Max30102SampleRate.Sps100);

        time.Advance(TimeSpan.FromMilliseconds(105));
        Assert.Equal(10, binding.AvailableSamples());

        var samples = new Max30102Sample[32];
        var read = binding.ReadFifo(samples);

        Assert.Equal(10, read);
        Assert.Equal(0, binding.AvailableSamples());
        for (var i = 0; i < read; i++)
        {
            var (red, ir) = script.At(TimeSpan.FromMilliseconds(10 * (i + 1)));
            Assert.Equal(Math.Round(red), samples[i].Red);
            Assert.Equal(Math.Round(ir), samples[i].Ir);
        }
    }

    [Fact]
    public void ReadFifo_HostTooSlow_FullFifoAndOverflowCounted()
    {
        var time = new FakeTimeProvider(SensorTestKit.Start);
        var chip = new SimulatedMax30102(time);
        chip.Begin(new PulseOximetryScript(97, 60));
        using var binding = new Max30102(chip);
        binding.ConfigureSpO2(Max30102SampleRate.Sps100);

        time.Advance(TimeSpan.FromMilliseconds(405));

        Assert.Equal(32, binding.AvailableSamples());
        Assert.Equal(8, binding.OverflowCount);
        Assert.Equal(32, binding.ReadFifo(new Max30102Sample[40]));
        Assert.Equal(0, binding.OverflowCount);
    }

    [Fact]
    public void DrainFifo_ReportsTheLossSeenWithThePointers_ThenNoneOnceDrained()
    {
        var time = new FakeTimeProvider(SensorTestKit.Start);
        var chip = new SimulatedMax30102(time);
        chip.Begin(new PulseOximetryScript(97, 60));
        using var binding = new Max30102(chip);
        binding.ConfigureSpO2(Max30102SampleRate.Sps100);
        var samples = new Max30102Sample[40];

        time.Advance(TimeSpan.FromMilliseconds(205));
        Assert.Equal(new Max30102FifoRead(20, SamplesLost: false), binding.DrainFifo(samples));

        time.Advance(TimeSpan.FromMilliseconds(400));
        Assert.Equal(new Max30102FifoRead(32, SamplesLost: true), binding.DrainFifo(samples));

        time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal(new Max30102FifoRead(10, SamplesLost: false), binding.DrainFifo(samples));
    }
}
