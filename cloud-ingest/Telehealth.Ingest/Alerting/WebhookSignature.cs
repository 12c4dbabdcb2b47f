using System.Security.Cryptography;
using System.Text;

namespace Telehealth.Ingest.Alerting;

/// <summary><c>X-Telehealth-Signature: sha256=HEX</c>: HMAC-SHA256 of the exact body bytes with the shared secret.</summary>
public static class WebhookSignature
{
    public const string Header = "X-Telehealth-Signature";

    public static string Of(string secret, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }
}
