using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telehealth.Gateway.Core.Buffer;
using Telehealth.Gateway.Core.Identity;
using Telehealth.Gateway.Core.Status;
using Telehealth.Ingest.Contracts.Batches;
using Telehealth.Ingest.Contracts.Metrics;

namespace Telehealth.Gateway.Core.Forwarding;

/// <summary>
/// Sends buffered readings to cloud-ingest. Readings wait in three priority lanes (vitals, activity, raw), each with its
/// own checkpoint. Every round: a lane without backlog is sent whole; a lane with backlog first sends its live tail
/// (readings received within <see cref="ForwarderOptions.LiveWindowSeconds"/>), then the highest-priority lane with
/// backlog sends one bounded batch from its head. So live readings and vitals go first and the backlog drains with the
/// rest of the link, one bounded batch at a time. Within a lane, readings leave in offset order.
/// Rows leave the buffer only after a 2xx; readings the ingest rejects become dead letters with its reason. A batch that
/// failed all its retries stays and is tried again after a pause — nothing is ever given up.
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
    /// <summary>The destination name of cloud-ingest; lane checkpoints are named <c>ingest:{priority}</c>.</summary>
    public const string Destination = "ingest";

    private static readonly int[] Lanes = [(int)MetricPriority.Vital, (int)MetricPriority.Activity, (int)MetricPriority.Raw];

    /// <summary>The dead-letter reason of a reading refused because its device is not enrolled on this gateway at the ingest.</summary>
    public const string UnenrolledReason = "device not enrolled on this gateway at the ingest (403); enrol it and resend from the dead letters";

    public static string CheckpointName(int lane) => $"{Destination}:{lane}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            LogDisabled(logger);
            return;
        }

        var checkpoints = Lanes.ToDictionary(lane => lane, lane => buffer.GetCheckpoint(CheckpointName(lane)));
        var failing = false;
        var limits = new BatchLimits(settings.MaxBatchReadings, settings.MaxBatchBytes);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sent = await ForwardRoundAsync(checkpoints, settings, limits, stoppingToken);
                if (failing)
                {
                    failing = false;
                    LogRecovered(logger);
                }

                if (!sent)
                {
                    await buffer.WaitForDataAsync(TimeSpan.FromMilliseconds(settings.IdlePollMilliseconds), stoppingToken);
                }
            }
            catch (IngestCallException ex) when (ex.Status == System.Net.HttpStatusCode.RequestEntityTooLarge && limits.Readings > 1)
            {
                limits = new BatchLimits(Math.Max(1, limits.Readings / 2), Math.Max(16 * 1024, limits.Bytes / 2));
                LogBatchTooLarge(logger, limits.Readings);
            }
            catch (Exception ex) when (IngestFailures.IsTransient(ex, stoppingToken))
            {
                // A failed acknowledgement (e.g. a full disk) leaves the rows in place: the ingest already holds them,
                // and resending them later overwrites the same points.
                counters.SendFailed();
                failing = true;
                LogSendFailed(logger, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(settings.RetryPauseSeconds), time, stoppingToken);
            }
        }
    }

    private async Task<bool> ForwardRoundAsync(Dictionary<int, long> checkpoints, ForwarderOptions settings, BatchLimits limits, CancellationToken cancellationToken)
    {
        var liveSince = time.GetUtcNow().ToUnixTimeMilliseconds() - (settings.LiveWindowSeconds * 1000L);
        (int Lane, IReadOnlyList<BufferedReading> Head)? backlog = null;
        var sent = false;
        foreach (var lane in Lanes)
        {
            var read = buffer.ReadLane(lane, checkpoints[lane], limits.Readings);
            if (read.Count == 0)
            {
                continue;
            }

            var head = BatchSizer.Cut(read, limits.Bytes, out var cut);
            if (!cut && read.Count < limits.Readings)
            {
                checkpoints[lane] = await SendAsync(head, new ForwardedRange(lane, checkpoints[lane], head[^1].Offset, CheckpointName(lane)), cancellationToken);
                sent = true;
                continue;
            }

            var tail = BatchSizer.Cut(buffer.ReadLaneTail(lane, read[^1].Offset, liveSince, Math.Min(settings.MaxLiveReadings, limits.Readings)), limits.Bytes, out _);
            if (tail.Count > 0)
            {
                await SendAsync(tail, new ForwardedRange(lane, tail[0].Offset - 1, tail[^1].Offset, null), cancellationToken);
                sent = true;
            }

            backlog ??= (lane, head);
        }

        if (backlog is var (backlogLane, backlogHead))
        {
            checkpoints[backlogLane] = await SendAsync(backlogHead,
                new ForwardedRange(backlogLane, checkpoints[backlogLane], backlogHead[^1].Offset, CheckpointName(backlogLane)), cancellationToken);
            sent = true;
        }

        return sent;
    }

    private async Task<long> SendAsync(IReadOnlyList<BufferedReading> batch, ForwardedRange range, CancellationToken cancellationToken)
    {
        var readings = new IngestReading[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var r = batch[i].Reading;
            readings[i] = new IngestReading(batch[i].Offset, r.DeviceId, r.Metric, r.Unit, r.DeviceTimeMs, r.ReceivedAtMs, r.Values);
        }

        var identity = gateway.Value;
        var key = $"{identity.Id}:{range.Priority}:{batch[0].Offset}-{batch[^1].Offset}";
        var rejected = new List<DeadLetter>();
        var unenrolled = new HashSet<string>(StringComparer.Ordinal);
        IngestAnswer answer;
        while (true)
        {
            try
            {
                answer = readings.Length == 0
                    ? new IngestAnswer(new IngestBatchResult(0, 0, []), Minimal: false)
                    : await client.SendAsync(new IngestBatch(identity.Id, identity.PatientId, [], IngestSeries.Group(readings)), unenrolled.Count == 0 ? key : key + ":enrolled", cancellationToken);
                break;
            }
            catch (IngestCallException ex) when (ex.Status == System.Net.HttpStatusCode.Forbidden && AddNew(unenrolled, ex.UnenrolledDevices))
            {
                // The ingest refused the whole batch for devices not enrolled on this gateway there: their readings
                // become dead letters (visible, counted) and the rest is sent again.
                LogUnenrolledDevices(logger, string.Join(", ", ex.UnenrolledDevices), readings.Count(r => unenrolled.Contains(r.DeviceId)));
                rejected.AddRange(readings.Where(r => unenrolled.Contains(r.DeviceId))
                    .Select(r => new DeadLetter("ingest", r.DeviceId, UnenrolledReason, Describe(r))));
                readings = [.. readings.Where(r => !unenrolled.Contains(r.DeviceId))];
            }
        }

        foreach (var (reading, reason) in answer.NotStored(readings))
        {
            rejected.Add(new DeadLetter("ingest", reading.DeviceId, reason, Describe(reading)));
        }

        await buffer.AcknowledgeAsync(range, rejected, cancellationToken);
        counters.BatchSent(rejected.Count);
        return range.LastOffset;
    }

    /// <summary>Adds every id to <paramref name="set"/>; true when at least one was new (a repeated refusal ends the retry).</summary>
    private static bool AddNew(HashSet<string> set, IReadOnlyList<string> ids)
    {
        var added = false;
        foreach (var id in ids)
        {
            added |= set.Add(id);
        }

        return added;
    }

    private static byte[] Describe(IngestReading reading)
        => Encoding.UTF8.GetBytes($"{reading.Metric} {reading.Unit} ts={reading.DeviceTimeMs} {ComponentValuesCodec.Encode(reading.Values)}");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forwarder disabled by configuration (Forwarder:Enabled=false): readings stay in the buffer")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending to the ingest failed after retries ({Error}); the readings stay buffered and will be sent again")]
    private static partial void LogSendFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The ingest refused a batch as too large (413); sending at most {Readings} readings per batch from now on")]
    private static partial void LogBatchTooLarge(ILogger logger, int readings);

    [LoggerMessage(EventId = 2110, Level = LogLevel.Warning, Message = "The ingest refused devices not enrolled on this gateway ({Devices}): {Count} readings moved to the dead letters; sending the rest")]
    private static partial void LogUnenrolledDevices(ILogger logger, string devices, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingest reachable again: forwarding resumed")]
    private static partial void LogRecovered(ILogger logger);
}
