using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Extensions.Options;
using Telehealth.Ingest.Contracts.Batches;
using Telehealth.Metadata.Database;
using Telehealth.Metadata.Gateways;

namespace Telehealth.Ingest.Gateways;

/// <summary>
/// Authenticates a gateway call (header <c>X-Gateway-Id</c> and bearer secret) against the metadata store. Successes
/// are remembered for <see cref="GatewayRegistryOptions.AuthenticationCacheSeconds"/> per gateway and secret hash
/// (never past the secret's expiry); <see cref="Forget"/> drops a gateway's entries when it is revoked or its devices
/// change. Every refusal is audited and logged through <see cref="SecurityEvents"/>.
/// </summary>
public sealed class GatewayAuthenticator(GatewayStore store, SecurityEvents security, IOptionsMonitor<GatewayRegistryOptions> options, TimeProvider time)
{
    private const string ActorKind = "gateway";
    private readonly ConcurrentDictionary<(string GatewayId, string SecretHash), (AuthenticatedGateway Gateway, DateTimeOffset Until)> _cache = new();

    /// <summary>Authenticates the caller for <paramref name="action"/> (an audit action name such as <c>batches.write</c>).</summary>
    public async Task<GatewayAuthentication> AuthenticateAsync(HttpContext http, string action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var gatewayId = http.Request.Headers[IngestRoutes.GatewayIdHeader].ToString();
        var header = http.Request.Headers.Authorization.ToString();
        var secret = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
        if (string.IsNullOrEmpty(gatewayId) || string.IsNullOrEmpty(secret))
        {
            return Refused(await security.RefuseAsync(new SecurityRefusal(ActorKind, gatewayId, action, null, 401, "no-credentials",
                $"send the gateway id in {IngestRoutes.GatewayIdHeader} and its secret as a bearer token"), cancellationToken));
        }

        var now = time.GetUtcNow();
        var key = (gatewayId, TokenHash.Of(secret));
        if (_cache.TryGetValue(key, out var cached) && cached.Until > now)
        {
            return new GatewayAuthentication(cached.Gateway, null);
        }

        GatewayAuthResult result;
        try
        {
            result = await store.AuthenticateAsync(gatewayId, secret, cancellationToken);
        }
        catch (DbException ex) when (MetadataDb.IsUnavailable(ex))
        {
            // not the gateway's fault: it keeps its data and retries
            http.Response.Headers.RetryAfter = "2";
            return Refused(TypedResults.Problem(statusCode: 503, title: "Metadata store unavailable",
                detail: "the gateway could not be authenticated now; keep the data and retry"));
        }

        switch (result.Status)
        {
            case GatewayAuthStatus.Authenticated:
                var gateway = new AuthenticatedGateway(gatewayId, result.PatientId!, result.Devices!);
                var seconds = options.CurrentValue.AuthenticationCacheSeconds;
                if (seconds > 0)
                {
                    var until = now.AddSeconds(seconds);
                    _cache[key] = (gateway, result.SecretExpiresAt is { } expires && expires < until ? expires : until);
                }

                return new GatewayAuthentication(gateway, null);
            case GatewayAuthStatus.Expired:
                return Refused(await security.RefuseAsync(new SecurityRefusal(ActorKind, gatewayId, action, result.PatientId, 401, "secret-expired",
                    "the gateway's secret has expired; an operator issues a new enrolment code"), cancellationToken));
            case GatewayAuthStatus.Revoked:
                return Refused(await security.RefuseAsync(new SecurityRefusal(ActorKind, gatewayId, action, result.PatientId, 401, "revoked",
                    "the gateway has been revoked"), cancellationToken));
            default:
                return Refused(await security.RefuseAsync(new SecurityRefusal(ActorKind, gatewayId, action, null, 401, "unknown-or-wrong-secret",
                    "unknown gateway or wrong secret"), cancellationToken));
        }
    }

    /// <summary>Drops what is remembered about a gateway (after a revocation, a new code or a device change).</summary>
    public void Forget(string gatewayId)
    {
        foreach (var key in _cache.Keys)
        {
            if (string.Equals(key.GatewayId, gatewayId, StringComparison.Ordinal))
            {
                _cache.TryRemove(key, out _);
            }
        }
    }

    private static GatewayAuthentication Refused(Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult problem) => new(null, problem);
}
