using Telehealth.Gateway.Core.Readings;

namespace Telehealth.Gateway.Core.Forwarding;

/// <summary>The failures after which the forwarder and the heartbeat pause and try again, instead of stopping.</summary>
internal static class IngestFailures
{
    /// <summary>
    /// Network errors, non-2xx answers, timeouts and an open circuit (after the resilience pipeline's own retries), a
    /// buffer that could not record an acknowledgement, and a cancellation that is not the host stopping.
    /// </summary>
    public static bool IsTransient(Exception ex, CancellationToken stoppingToken)
        => ex is HttpRequestException or IngestCallException or TimeoutException
               or Polly.CircuitBreaker.BrokenCircuitException or Polly.Timeout.TimeoutRejectedException
               or BufferUnavailableException or Microsoft.Data.Sqlite.SqliteException
           || (ex is OperationCanceledException && !stoppingToken.IsCancellationRequested);
}
