using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telehealth.Gateway.Core.Forwarding;
using Telehealth.Gateway.Core.Identity;

namespace Telehealth.Gateway.Core.Enrolment;

/// <summary>
/// When the secret file is missing at start and <see cref="ForwarderOptions.EnrolmentCode"/> is set, enrols the gateway:
/// exchanges the code (retrying with exponential backoff, 1 s doubling to 5 min, until it succeeds — also after a
/// refusal, which is logged as an error for the installer), writes the secret file (0600) and hands the secret to the
/// forwarder and heartbeat, which wait for it. Readings keep being buffered meanwhile.
/// </summary>
public sealed partial class SelfEnrolmentService(
    GatewaySecret secret,
    IHttpClientFactory httpClients,
    IOptions<ForwarderOptions> forwarder,
    IOptions<GatewayOptions> gateway,
    TimeProvider time,
    ILogger<SelfEnrolmentService> logger) : BackgroundService
{
    /// <summary>Name of the plain HTTP client used for enrolment (no resilience handler: this loop owns the retries).</summary>
    public const string HttpClientName = "enrolment";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = forwarder.Value;
        if (secret.IsKnown || string.IsNullOrEmpty(options.EnrolmentCode) || string.IsNullOrEmpty(options.SecretFile))
        {
            return;
        }

        var delay = TimeSpan.FromSeconds(1);
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                var http = httpClients.CreateClient(HttpClientName);
                var issued = await EnrolmentClient.EnrolAsync(http, new Uri(options.IngestUrl), gateway.Value.Id, options.EnrolmentCode, stoppingToken);
                SecretFile.WriteAtomically(options.SecretFile, issued.Secret);
                secret.Set(issued.Secret);
                LogEnrolled(logger, gateway.Value.Id, attempt);
                return;
            }
            catch (EnrolmentRefusedException ex)
            {
                LogRefused(logger, ex.Message, delay.TotalSeconds);
            }
            catch (Exception ex) when (ex is HttpRequestException or IngestCallException or TimeoutException or IOException
                                           || (ex is OperationCanceledException && !stoppingToken.IsCancellationRequested))
            {
                LogFailed(logger, ex.Message, delay.TotalSeconds);
            }

            await Task.Delay(delay, time, stoppingToken);
            delay = TimeSpan.FromSeconds(Math.Min(300, delay.TotalSeconds * 2));
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Gateway {GatewayId} enrolled (attempt {Attempt}); secret file written; forwarding starts")]
    private static partial void LogEnrolled(ILogger logger, string gatewayId, int attempt);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "The ingest refused this gateway's enrolment code ({Error}); ask the operator for a new code. Trying again in {Seconds} s")]
    private static partial void LogRefused(ILogger logger, string error, double seconds);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Enrolment failed ({Error}); trying again in {Seconds} s")]
    private static partial void LogFailed(ILogger logger, string error, double seconds);
}
