using System.Security.Cryptography;
using System.Text;

namespace Inlet.Accounts;

/// <summary>API key secrets: 256 random bits, stored as a SHA-256 hash (a fast hash suits a random secret; passwords get PBKDF2).</summary>
internal static class ApiKeySecrets
{
    public static string Generate() => "inlet_" + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string Prefix(string secret) => secret[..Math.Min(secret.Length, 10)];

    public static ApiKey Create(string accountId, string name, string secret, bool isAdmin, DateTimeOffset now) => new()
    {
        Id = Hosting.Ids.New("key"),
        AccountId = accountId,
        Name = name,
        Hash = Hash(secret),
        Prefix = Prefix(secret),
        IsAdmin = isAdmin,
        CreatedAt = now,
    };

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
