using System.Text.Json;

namespace Telehealth.Metadata.Alerts;

/// <summary>
/// The webhook body for an alert event. Only pseudonymous ids and what kind of alert it is — no values, no message:
/// the receiver follows <c>links.alert</c> with a therapist's token to see the explanation (and that read is audited).
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
            json.WriteEndObject();
            json.WriteStartObject("links");
            json.WriteString("alert", "/api/v1/alerts/" + alert.Id);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
