using Microsoft.Extensions.Logging;
using Telehealth.Gateway.Core.Readings;
using Telehealth.Gateway.Devices.Gatt.Decoding;

namespace Telehealth.Gateway.Devices.Ble.Adapter;

/// <summary>What every device session shares: options, decoders, the sink, the clock, counters and the logger.</summary>
internal sealed record BleAdapterContext(
    BleOptions Options,
    GattDecoderRegistry Decoders,
    IReadingSink Sink,
    TimeProvider Time,
    BleCounters Counters,
    ILogger Logger);
