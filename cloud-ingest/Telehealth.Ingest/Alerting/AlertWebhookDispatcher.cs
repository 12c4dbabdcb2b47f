using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Telehealth.Metadata.Alerts;

namespace Telehealth.Ingest.Alerting;

/// <summary>
/// Delivers the outbox to <c>Alerting:Webhook:Url</c>, at least once: each notification is POSTed with its
/// <c>Idempotency-Key</c> (the same on every attempt, so the receiver can drop repeats) and, with a secret, an HMAC
/// signature. One delivery retries with exponential backoff and jitter (a Polly retry pipeline on the injected
/// <see cref="TimeProvider"/>); if it still fails, the row stays in the outbox with its next attempt doubled per
/// failed round (capped at <c>MaxPauseSeconds</c>) and survives restarts.
/// </summary>
public sealed partial class AlertWebhookDispatcher : BackgroundService
{
    public const string HttpClientName = "alert-webhook";

    private readonly AlertOutbox _outbox;
    private readonly IHttpClientFactory _http;
    private readonly AlertingSignals _signals;
    private readonly AlertingMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly AlertingOptions _options;
    private readonly ILogger<AlertWebhookDispatcher> _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;

    public AlertWebhookDispatcher(
        AlertOutbox outbox, IHttpClientFactory http, AlertingSignals signals, AlertingMetrics metrics, TimeProvider time,
        IOptions<AlertingOptions> options, ILogger<AlertWebhookDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _outbox = outbox;
        _http = http;
        _signals = signals;
        _metrics = metrics;
        _time = time;
        _options = options.Value;
        _logger = logger;
        var webhook = _options.Webhook;
        _retry = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(1, webhook.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(webhook.FirstRetryDelayMilliseconds),
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutException>()
                    .Handle<TaskCanceledException>()
                    .HandleResult(r => IsTransient(r.StatusCode)),
            })
            .AddTimeout(TimeSpan.FromSeconds(webhook.TimeoutSeconds))
            .Build();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled || _options.Webhook.Url is null)
        {
            return;
        }

        var poll = TimeSpan.FromMilliseconds(_options.Webhook.PollMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var written = _signals.WhenOutboxWrittenAsync();
            try
            {
                if (await DispatchDueAsync(stoppingToken).ConfigureAwait(false) > 0)
                {
                    continue; // a delivery may have made the alert's next notification due
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogRoundFailed(_logger, ex.GetType().Name, ex.Message);
            }

            using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            await Task.WhenAny(written, Task.Delay(poll, _time, wake.Token)).ConfigureAwait(false);
            await wake.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Delivers what is due now; returns how many were delivered.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var url = _options.Webhook.Url ?? throw new InvalidOperationException("Alerting:Webhook:Url is not set.");
        var claimFor = TimeSpan.FromSeconds((_options.Webhook.TimeoutSeconds + 1) * (_options.Webhook.MaxRetries + 2));
        var delivered = 0;
        foreach (var message in await _outbox.ClaimDueAsync(20, claimFor, cancellationToken).ConfigureAwait(false))
        {
            var attempts = 0;
            string? error;
            try
            {
                using var response = await _retry.ExecuteAsync(async token =>
                {
                    attempts++;
                    using var request = NewRequest(url, message);
                    return await _http.CreateClient(HttpClientName).SendAsync(request, token).ConfigureAwait(false);
                }, cancellationToken).ConfigureAwait(false);
                error = response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is HttpRequestException or TimeoutException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException)
            {
                error = ex.GetType().Name + ": " + ex.Message;
            }

            if (error is null)
            {
                await _outbox.MarkDeliveredAsync(message.Id, attempts, CancellationToken.None).ConfigureAwait(false);
                _metrics.WebhookDelivered();
                delivered++;
                LogDelivered(_logger, message.Event, message.AlertId, attempts);
            }
            else
            {
                var rounds = Math.Min(16, ((message.Attempts + attempts) / (_options.Webhook.MaxRetries + 1)) + 1);
                var pause = TimeSpan.FromSeconds(Math.Min(_options.Webhook.MaxPauseSeconds, Math.Pow(2, rounds)));
                await _outbox.MarkFailedAsync(message.Id, attempts, error, _time.GetUtcNow() + pause, CancellationToken.None).ConfigureAwait(false);
                _metrics.WebhookFailed();
                LogFailed(_logger, message.Event, message.AlertId, attempts, error, pause.TotalSeconds);
            }
        }

        return delivered;
    }

    private HttpRequestMessage NewRequest(string url, OutboxMessage message)
    {
        var body = Encoding.UTF8.GetBytes(message.PayloadJson);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("Idempotency-Key", message.IdempotencyKey);
        request.Headers.Add("X-Telehealth-Event", message.Event);
        if (_options.Webhook.Secret is { } secret)
        {
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Of(secret, body));
        }

        return request;
    }

    private static bool IsTransient(HttpStatusCode status) => (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook: {Event} of alert {AlertId} notified after {Attempts} attempt(s)")]
    private static partial void LogDelivered(ILogger logger, string @event, string alertId, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook: {Event} of alert {AlertId} not delivered after {Attempts} attempt(s): {Error}; next round in {PauseSeconds} s")]
    private static partial void LogFailed(ILogger logger, string @event, string alertId, int attempts, string error, double pauseSeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook: dispatch round failed ({ErrorType}: {Error})")]
    private static partial void LogRoundFailed(ILogger logger, string errorType, string error);
}
