using System.Globalization;

namespace Telehealth.IntegrationTests.Authorization;

/// <summary>
/// One endpoint of the authorization matrix: method, route template (<c>{id}</c> = target gateway, <c>{deviceId}</c>
/// = target device, <c>{patientId}</c> = target patient, <c>{alertId}</c> = an alert of the target patient), the body for a target (null for none), the credential it needs, and the status a valid
/// credential gets against another gateway's or patient's data (403 unless the endpoint answers 401 there).
/// To cover a new endpoint, add a row to <see cref="EndpointTable"/>.
/// </summary>
public sealed record EndpointRow(
    string Name,
    HttpMethod Method,
    string RouteTemplate,
    CredentialKind Kind,
    Func<RequestTarget, HttpContent?> Body,
    int ValidOnOtherStatus = 403)
{
    public string Route(RequestTarget target)
        => RouteTemplate.Replace("{id}", Uri.EscapeDataString(target.GatewayId), StringComparison.Ordinal)
            .Replace("{deviceId}", Uri.EscapeDataString(target.DeviceId), StringComparison.Ordinal)
            .Replace("{patientId}", Uri.EscapeDataString(target.PatientId), StringComparison.Ordinal)
            .Replace("{alertId}", Uri.EscapeDataString(target.AlertId ?? "no-alert"), StringComparison.Ordinal);

    /// <summary>The path as the OpenAPI document names it: no query, every route parameter as <c>{}</c>.</summary>
    public string OpenApiPath => OpenApiShape(RouteTemplate.Split('?')[0]);

    /// <summary>A path with every route parameter written <c>{}</c>, to compare templates whose parameter names differ.</summary>
    public static string OpenApiShape(string path) => System.Text.RegularExpressions.Regex.Replace(path, "\\{[^}]*\\}", "{}");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Method} {RouteTemplate}");
}
