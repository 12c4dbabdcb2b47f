using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telehealth.Gateway.Core.Buffer;
using Telehealth.Gateway.Core.Identity;
using Telehealth.Gateway.Core.Status;
using Telehealth.Ingest.Contracts.Batches;

namespace Telehealth.Gateway.Core.Forwarding;

/// <summary>
/// Sends buffered readings to cloud-ingest in batches, in offset order. Rows leave the buffer only through the
/// checkpoint after a 2xx; readings the ingest rejects become dead letters with its reason. A batch that failed all
/// its retries stays and is tried again after a pause — nothing is ever given up.
/// </summary>
public sealed partial class ForwarderService(
    SqliteReadingBuffer buffer,
    IngestClient client,
    GatewayCounters counters,
    IOptions<ForwarderOptions> options,
    IOptions<GatewayOptions> gateway,
    TimeProvider time,
    ILogger<ForwarderService> logger) : BackgroundService
{
    /// <summary>The checkpoint name of the cloud-ingest destination.</summary>
    public const string Destination = "ingest";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            LogDisabled(logger);
            return;
        }

        var checkpoint = buffer.GetCheckpoint(Destination);
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            var batch = buffer.ReadAfter(checkpoint, settings.MaxBatchReadings);
            if (batch.Count == 0)
            {
                await buffer.WaitForDataAsync(TimeSpan.FromMilliseconds(settings.IdlePollMilliseconds), stoppingToken);
                continue;
            }

            try
            {
                checkpoint = await SendAsync(batch, stoppingToken);
                if (failing)
                {
                    failing = false;
                    LogRecovered(logger);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or IngestCallException or TimeoutException
                                           or Polly.CircuitBreaker.BrokenCircuitException or Polly.Timeout.TimeoutRejectedException
                                           || (ex is OperationCanceledException && !stoppingToken.IsCancellationRequested))
            {
                counters.SendFailed();
                failing = true;
                LogSendFailed(logger, batch.Count, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(settings.RetryPauseSeconds), time, stoppingToken);
            }
        }
    }

    private async Task<long> SendAsync(IReadOnlyList<BufferedReading> batch, CancellationToken cancellationToken)
    {
        var readings = new IngestReading[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var r = batch[i].Reading;
            readings[i] = new IngestReading(batch[i].Offset, r.DeviceId, r.Metric, r.Unit, r.DeviceTimeMs, r.ReceivedAtMs, r.Values);
        }

        var first = batch[0].Offset;
        var last = batch[^1].Offset;
        var identity = gateway.Value;
        var result = await client.SendAsync(new IngestBatch(identity.Id, identity.PatientId, readings), $"{identity.Id}:{first}-{last}", cancellationToken);

        var rejected = new List<DeadLetter>();
        var byOffset = result.Results.Count == readings.Length ? null : result.Results.ToDictionary(r => r.Id);
        for (var i = 0; i < readings.Length; i++)
        {
            var outcome = byOffset is null ? result.Results[i] : byOffset.GetValueOrDefault(readings[i].Id);
            if (outcome is null || outcome.Id != readings[i].Id)
            {
                throw new IngestCallException($"ingest result lacks reading {readings[i].Id}; batch kept for retry");
            }

            if (outcome.Status == ReadingStatus.Rejected)
            {
                rejected.Add(new DeadLetter("ingest", readings[i].DeviceId, outcome.Reason ?? "rejected by ingest", Describe(readings[i])));
            }
        }

        await buffer.AcknowledgeAsync(Destination, last, rejected, cancellationToken);
        counters.BatchSent(rejected.Count);
        return last;
    }

    private static byte[] Describe(IngestReading reading)
        => Encoding.UTF8.GetBytes($"{reading.Metric} {reading.Unit} ts={reading.DeviceTimeMs} {ComponentValuesCodec.Encode(reading.Values)}");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending {Count} readings to the ingest failed after retries ({Error}); they stay buffered and will be sent again")]
    private static partial void LogSendFailed(ILogger logger, int count, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forwarder disabled by configuration (Forwarder:Enabled=false): readings stay in the buffer")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingest reachable again: forwarding resumed")]
    private static partial void LogRecovered(ILogger logger);
}
