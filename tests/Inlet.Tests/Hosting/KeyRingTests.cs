using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Inlet.Tests.Hosting;

/// <summary>An Inlet whose Data Protection key ring is encrypted with a certificate of the operator's.</summary>
public sealed class CertificateApp : InletApp
{
    public static readonly string CertificatePath = Path.Combine(Path.GetTempPath(), $"inlet-keyring-{Guid.NewGuid():N}.pfx");

    static CertificateApp()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Inlet key ring", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(CertificatePath, certificate.Export(X509ContentType.Pfx, "pfx-password"));
    }

    protected override IEnumerable<(string Key, string Value)> Settings =>
        [("Inlet:DataProtection:CertificatePath", CertificatePath), ("Inlet:DataProtection:CertificatePassword", "pfx-password")];
}

public sealed class KeyRingTests(CertificateApp app) : IClassFixture<CertificateApp>
{
    [Fact]
    public async Task WithACertificateConfiguredTheKeyRingIsStoredEncryptedAndSecretsStillWork()
    {
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("keyring-1",
            """, "verification": {"type": "token", "header": "X-Shop-Token", "secret": "tok-keyring-secret"}"""));
        await app.OptInAsync("keyring-member");
        await (await app.SendAsync("keyring-1", """{"clientID":"keyring-member","points":3}""", headers: ("X-Shop-Token", "tok-keyring-secret"))).ShouldBeAsync(200);

        var keys = TestStore.OnPostgres
            ? [.. (await app.SqlAsync("""SELECT "Xml" FROM "DataProtectionKeys" """)).Select(row => (string)row[0]!)]
            : Directory.GetFiles(Path.Combine(Path.GetDirectoryName(app.DatabasePath)!, "keys"), "*.xml").Select(File.ReadAllText).ToList();
        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.Contains("EncryptedXmlDecryptor", key, StringComparison.Ordinal));
        Assert.All(keys, key => Assert.DoesNotContain("<value>", key, StringComparison.Ordinal));
    }
}
