using System.Collections.Concurrent;
using Telehealth.Gateway.Core.Readings;

namespace Telehealth.Gateway.Devices.Sensors.Hosting;

/// <summary>
/// The buffer as the wired sensors and their session analytics see it: counts, per device id, the readings the buffer
/// committed (for <c>/status</c>). Refusals pass through unchanged.
/// </summary>
public sealed class CountingReadingSink : IReadingSink
{
    private readonly IReadingSink _inner;
    private readonly ConcurrentDictionary<string, long> _appended = new(StringComparer.Ordinal);

    public CountingReadingSink(IReadingSink inner)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
    }

    /// <inheritdoc />
    public async ValueTask AppendAsync(IReadOnlyList<DeviceReading> readings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readings);
        await _inner.AppendAsync(readings, cancellationToken);
        foreach (var reading in readings)
        {
            _appended.AddOrUpdate(reading.DeviceId, 1, static (_, count) => count + 1);
        }
    }

    /// <summary>Readings committed for <paramref name="deviceId"/> so far.</summary>
    public long AppendedFor(string deviceId) => _appended.TryGetValue(deviceId, out var count) ? count : 0;

    /// <summary>Readings committed for all devices so far.</summary>
    public long Total => _appended.Values.Sum();
}
