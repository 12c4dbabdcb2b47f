using Telehealth.Gateway.Core.Readings;

namespace Telehealth.IntegrationTests.Ble;

/// <summary>A sink that refuses its first append as a full buffer would, then passes appends to the real one.</summary>
internal sealed class RefuseFirstSink(IReadingSink inner) : IReadingSink
{
    private int _calls;

    public ValueTask AppendAsync(IReadOnlyList<DeviceReading> readings, CancellationToken cancellationToken)
        => Interlocked.Increment(ref _calls) == 1
            ? throw new BufferUnavailableException("buffer full") { QuotaExceeded = true }
            : inner.AppendAsync(readings, cancellationToken);
}
