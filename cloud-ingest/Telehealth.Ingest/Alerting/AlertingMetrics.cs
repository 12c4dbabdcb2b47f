using System.Diagnostics.Metrics;

namespace Telehealth.Ingest.Alerting;

/// <summary>Counters of the alerting feature (meter <c>Telehealth.Alerting</c>): every failure and refusal is counted.</summary>
public sealed class AlertingMetrics
{
    public const string MeterName = "Telehealth.Alerting";

    private readonly Counter<long> _evaluations;
    private readonly Counter<long> _failures;
    private readonly Counter<long> _skipped;
    private readonly Counter<long> _opened;
    private readonly Counter<long> _duplicatesPrevented;
    private readonly Counter<long> _badRequests;
    private readonly Counter<long> _denied;
    private readonly Counter<long> _webhookDelivered;
    private readonly Counter<long> _webhookFailed;

    public AlertingMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _evaluations = meter.CreateCounter<long>("telehealth.alerting.evaluations");
        _failures = meter.CreateCounter<long>("telehealth.alerting.evaluation_failures");
        _skipped = meter.CreateCounter<long>("telehealth.alerting.patients_skipped", description: "unknown patient or bad settings_json");
        _opened = meter.CreateCounter<long>("telehealth.alerting.alerts_opened");
        _duplicatesPrevented = meter.CreateCounter<long>("telehealth.alerting.duplicates_prevented");
        _badRequests = meter.CreateCounter<long>("telehealth.alerting.bad_requests");
        _denied = meter.CreateCounter<long>("telehealth.alerting.access_denied");
        _webhookDelivered = meter.CreateCounter<long>("telehealth.alerting.webhook_delivered");
        _webhookFailed = meter.CreateCounter<long>("telehealth.alerting.webhook_failed");
    }

    public void Evaluated(int opened, int lostRaces)
    {
        _evaluations.Add(1);
        _opened.Add(opened);
        _duplicatesPrevented.Add(lostRaces);
    }

    public void EvaluationFailed() => _failures.Add(1);

    public void PatientSkipped(string reason) => _skipped.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void BadRequest() => _badRequests.Add(1);

    public void AccessDenied() => _denied.Add(1);

    public void WebhookDelivered() => _webhookDelivered.Add(1);

    public void WebhookFailed() => _webhookFailed.Add(1);
}
