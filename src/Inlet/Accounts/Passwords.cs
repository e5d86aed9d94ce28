using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Inlet.Accounts;

/// <summary>Backoffice passwords: PBKDF2-hashed by ASP.NET Identity's hasher; generated ones are 96 random bits.</summary>
internal static class Passwords
{
    public const int MinLength = 8;

    private static readonly PasswordHasher<User> Hasher = new();

    public static string Generate() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(12));

    public static void Set(User user, string password) => user.PasswordHash = Hasher.HashPassword(user, password);

    public static bool Verify(User user, string password) =>
        Hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;
}
