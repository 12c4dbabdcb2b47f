using System.Globalization;

namespace Telehealth.IntegrationTests.Authorization;

/// <summary>
/// One endpoint of the authorization matrix: method, route template (<c>{id}</c> = target gateway, <c>{deviceId}</c>
/// = target device), the body for a target (null for none), the credential it needs, and the status a valid
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
            .Replace("{deviceId}", Uri.EscapeDataString(target.DeviceId), StringComparison.Ordinal);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Method} {RouteTemplate}");
}
