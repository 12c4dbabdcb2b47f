using Telehealth.Gateway.Core.Readings;

namespace Telehealth.Gateway.Core.Buffer;

/// <summary>A reading held in the buffer, addressed by its offset (monotonic, never reused).</summary>
public sealed record BufferedReading(long Offset, DeviceReading Reading);
