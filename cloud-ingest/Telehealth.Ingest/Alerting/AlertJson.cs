using System.Text.Json;
using System.Text.Json.Serialization;
using Telehealth.Alerts.Rules;

namespace Telehealth.Ingest.Alerting;

/// <summary>How an <see cref="AlertFiring"/> is stored in <c>alerts.*_firing_json</c> (camelCase, enums as text, NaN allowed).</summary>
public static class AlertJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize(AlertFiring firing) => JsonSerializer.Serialize(firing, Options);

    public static AlertFiring Deserialize(string json)
        => JsonSerializer.Deserialize<AlertFiring>(json, Options) ?? throw new JsonException("alert firing JSON is null");

    /// <summary>The stored form of a category (<c>clinical</c>, <c>technical</c>).</summary>
    public static string CategoryName(AlertCategory category) => category == AlertCategory.Technical ? "technical" : "clinical";
}
