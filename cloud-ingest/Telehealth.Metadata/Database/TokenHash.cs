using System.Security.Cryptography;
using System.Text;

namespace Telehealth.Metadata.Database;

/// <summary>
/// Secrets (gateway secrets, enrolment codes, therapist and operator tokens) are random with ≥ 128 bits of entropy,
/// so a plain SHA-256 is enough to store them; only the hash is ever written to the database.
/// </summary>
public static class TokenHash
{
    /// <summary>Lower-case hex SHA-256 of the UTF-8 token.</summary>
    public static string Of(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>A new random token: 32 bytes, base64url without padding (43 characters).</summary>
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>Constant-time comparison of two hex hashes.</summary>
    public static bool Matches(string presentedHash, string? storedHash)
        => storedHash is not null && storedHash.Length == presentedHash.Length
           && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(presentedHash), Encoding.ASCII.GetBytes(storedHash));

    private static string Base64Url(byte[] bytes)
        => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
