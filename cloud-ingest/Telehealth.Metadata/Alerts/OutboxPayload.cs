using System.Text.Json;

namespace Telehealth.Metadata.Alerts;

/// <summary>
/// The webhook body for an alert event. Only pseudonymous ids, what kind of alert it is, its status and when it changed —
/// no values, no message, no notes or resolution text (free text may name the citizen): the receiver follows
/// <c>links.alert</c> with a therapist's token to see the explanation (and that read is audited).
/// </summary>
internal static class OutboxPayload
{
    public static string For(string eventName, string idempotencyKey, StoredAlert alert, DateTimeOffset at)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("event", eventName);
            json.WriteString("idempotencyKey", idempotencyKey);
            json.WriteString("occurredAt", at);
            json.WriteStartObject("alert");
            json.WriteString("id", alert.Id);
            json.WriteString("patientId", alert.PatientId);
            json.WriteString("ruleId", alert.RuleId);
            json.WriteString("subject", alert.Subject);
            json.WriteString("category", alert.Category);
            json.WriteString("status", alert.Status);
            json.WriteString("openedAt", alert.OpenedAt);
            if (alert.AcknowledgedAt is { } acknowledgedAt)
            {
                json.WriteString("acknowledgedAt", acknowledgedAt);
            }

            if (alert.ResolvedAt is { } resolvedAt)
            {
                json.WriteString("resolvedAt", resolvedAt);
            }

            json.WriteEndObject();
            json.WriteStartObject("links");
            json.WriteString("alert", "/api/v1/alerts/" + alert.Id);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
