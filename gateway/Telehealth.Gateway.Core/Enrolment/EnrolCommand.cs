using System.Globalization;
using Telehealth.Ingest.Contracts.Identity;

namespace Telehealth.Gateway.Core.Enrolment;

/// <summary>
/// <c>telehealth-gateway enrol --ingest-url U --gateway-id G --code C --secret-file F</c> (also <c>gateway/enrol.sh</c>):
/// exchanges the installer's one-time code for the gateway's secret and writes it atomically to F with mode 0600.
/// Exit 0 when enrolled; 1 with "error: …" on stderr otherwise (bad arguments, refused code, ingest unreachable).
/// </summary>
public static class EnrolCommand
{
    public const string Usage = "usage: telehealth-gateway enrol --ingest-url URL --gateway-id ID --code CODE --secret-file PATH";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is not ("--ingest-url" or "--gateway-id" or "--code" or "--secret-file") || i + 1 >= args.Length)
            {
                return await FailAsync(stderr, $"unexpected or incomplete argument '{args[i]}'\n{Usage}");
            }

            options[args[i]] = args[++i];
        }

        if (!options.TryGetValue("--ingest-url", out var url) || !options.TryGetValue("--gateway-id", out var gatewayId)
            || !options.TryGetValue("--code", out var code) || !options.TryGetValue("--secret-file", out var secretFile))
        {
            return await FailAsync(stderr, "all four options are required\n" + Usage);
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var ingest) || (ingest.Scheme != Uri.UriSchemeHttp && ingest.Scheme != Uri.UriSchemeHttps))
        {
            return await FailAsync(stderr, $"--ingest-url '{url}' is not an absolute http(s) URL");
        }

        if (PseudonymousId.Validate(gatewayId, "--gateway-id") is { } idError)
        {
            return await FailAsync(stderr, idError);
        }

        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var issued = await EnrolmentClient.EnrolAsync(http, ingest, gatewayId, code.Trim(), cancellationToken);
            SecretFile.WriteAtomically(secretFile, issued.Secret);
            var expires = DateTimeOffset.FromUnixTimeMilliseconds(issued.ExpiresAtMs).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
            await stdout.WriteLineAsync($"enrolled {gatewayId}; secret written to {secretFile} (mode 0600, valid until {expires})");
            return 0;
        }
        catch (EnrolmentRefusedException ex)
        {
            return await FailAsync(stderr, ex.Message);
        }
        catch (Exception ex) when (ex is HttpRequestException or Forwarding.IngestCallException or TaskCanceledException or IOException or UnauthorizedAccessException)
        {
            return await FailAsync(stderr, "enrolment failed: " + ex.Message);
        }
    }

    private static async Task<int> FailAsync(TextWriter stderr, string message)
    {
        await stderr.WriteLineAsync("error: " + message);
        return 1;
    }
}
