using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace Inlet.Hosting;

/// <summary>
/// <c>Inlet:DataProtection</c>: how the Data Protection key ring (cookies, antiforgery tokens, encrypted verification secrets)
/// is protected at rest. With a certificate, every key is encrypted with it; without, keys are stored as they are, and
/// only the access rights of the keys folder (SQLite) or of the database (PostgreSQL) protect them — said once at start.
/// </summary>
internal sealed class KeyRingOptions
{
    public const string Section = "Inlet:DataProtection";

    /// <summary>A PKCS#12 (.pfx) file with a private key; every node uses the same one.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    public X509Certificate2? LoadCertificate() =>
        CertificatePath is { Length: > 0 } path ? X509CertificateLoader.LoadPkcs12FromFile(path, CertificatePassword) : null;

    /// <summary>A certificate that cannot be read stops the start, naming the option.</summary>
    internal sealed class Validation : IValidateOptions<KeyRingOptions>
    {
        public ValidateOptionsResult Validate(string? name, KeyRingOptions options)
        {
            if (options.CertificatePath is { Length: > 0 } path && !File.Exists(path))
            {
                return ValidateOptionsResult.Fail($"Inlet:DataProtection:CertificatePath: {path} does not exist");
            }
            try
            {
                using var certificate = options.LoadCertificate();
                return certificate is null || certificate.HasPrivateKey
                    ? ValidateOptionsResult.Success
                    : ValidateOptionsResult.Fail($"Inlet:DataProtection:CertificatePath: {options.CertificatePath} has no private key, so it could not decrypt the keys");
            }
            catch (Exception e) when (e is IOException or CryptographicException or UnauthorizedAccessException)
            {
                return ValidateOptionsResult.Fail($"Inlet:DataProtection:CertificatePath: {options.CertificatePath} cannot be read as a .pfx certificate ({e.Message.TrimEnd('.')})");
            }
        }
    }
}

internal static class KeyRing
{
    public static void Protect(IDataProtectionBuilder dataProtection, IConfiguration configuration)
    {
        dataProtection.Services.AddOptions<KeyRingOptions>().BindConfiguration(KeyRingOptions.Section).ValidateOnStart();
        dataProtection.Services.AddSingleton<IValidateOptions<KeyRingOptions>, KeyRingOptions.Validation>();
        X509Certificate2? certificate = null;
        try
        {
            certificate = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>()?.LoadCertificate();
        }
        catch (Exception e) when (e is IOException or CryptographicException or UnauthorizedAccessException)
        {
            // The validation stops the start and says why.
        }
        if (certificate is not null)
        {
            dataProtection.ProtectKeysWithCertificate(certificate);
        }
        else
        {
            // Stored as they are, on purpose: say so once at start (StoreInitializer) rather than warn at every new key.
            dataProtection.Services.Configure<KeyManagementOptions>(keys => keys.XmlEncryptor = new NullXmlEncryptor());
        }
    }

    /// <summary>What protects the key ring, for the operator to read at start.</summary>
    public static string Describe(IOptions<KeyRingOptions> options, string where) =>
        options.Value.CertificatePath is { Length: > 0 } path
            ? $"The Data Protection keys ({where}) are encrypted with the certificate {path}"
            : $"The Data Protection keys ({where}) are stored unencrypted, protected by the access rights to it; set Inlet:DataProtection:CertificatePath to encrypt them";
}
