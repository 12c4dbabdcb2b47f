using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Telehealth.Ingest.Contracts.Batches;

namespace Telehealth.Ingest.Intake;

/// <summary>A token bucket per gateway id (header <c>X-Gateway-Id</c>); refusals are 429 problem details with Retry-After.</summary>
public static class GatewayRateLimiting
{
    public const string PolicyName = "per-gateway";

    public static IServiceCollection AddGatewayRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "1";
                await TypedResults.Problem(statusCode: 429, title: "Too many requests",
                        detail: "this gateway sends faster than its rate limit; retry after the delay")
                    .ExecuteAsync(context.HttpContext);
            };
            limiter.AddPolicy(PolicyName, http =>
            {
                var options = http.RequestServices.GetRequiredService<IOptions<IntakeOptions>>().Value;
                var gateway = http.Request.Headers[IngestRoutes.GatewayIdHeader].ToString();
                var key = gateway.Length is > 0 and <= 64 ? gateway : "(none)";
                return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.BurstPerGateway,
                    TokensPerPeriod = options.RequestsPerSecondPerGateway,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
        });
        return services;
    }
}
