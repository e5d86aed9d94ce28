using System.Text;
using Inlet.Engine.Verification;
using Inlet.Engine.Webhooks;

namespace Inlet.Engine.Tests.Verification;

public sealed class VerificationOfTokensAndCredentials
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch.AddSeconds(1_800_000_000);

    private static readonly VerificationDefinition Token = new()
    {
        Type = "token", Header = "X-Inlet-Token", Secret = "new-token-1234", PreviousSecret = "old-token-5678",
    };

    private static readonly VerificationDefinition Basic = new()
    {
        Type = "basic", Username = "shop", Password = "new-pass-1234", PreviousSecret = "old-pass-5678",
    };

    private static VerificationResult Verify(VerificationDefinition settings, params (string Name, string Value)[] headers) =>
        RequestVerifier.Verify(settings, headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase), "{}"u8, Now);

    private static string BasicHeader(string credentials) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials));

    [Theory]
    [InlineData("X-Inlet-Token", "new-token-1234")]
    [InlineData("x-inlet-token", "old-token-5678")]
    public void ATokenEqualToTheSecretOrThePreviousOnePasses(string header, string token)
    {
        var result = Verify(Token, (header, token));

        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData("Bearer new-token-1234", null)]
    [InlineData("bearer  old-token-5678", null)]
    [InlineData("new-token-1234", "bad_token")]
    [InlineData("Bearer wrong", "bad_token")]
    public void ATokenWithAPrefixNeedsThePrefixAndIsComparedWithoutIt(string header, string? reason)
    {
        var result = Verify(Token with { Header = "Authorization", Prefix = "Bearer" }, ("Authorization", header));

        Assert.Equal(reason, result.Reason);
    }

    [Theory]
    [InlineData(null, "missing_token")]
    [InlineData("", "missing_token")]
    [InlineData("new-token-123", "bad_token")]
    [InlineData("new-token-12345", "bad_token")]
    [InlineData("NEW-TOKEN-1234", "bad_token")]
    public void AMissingOrWrongTokenFailsWithItsReason(string? token, string reason)
    {
        var result = token is null ? Verify(Token, ("X-Other", "new-token-1234")) : Verify(Token, ("X-Inlet-Token", token));

        Assert.Equal(reason, result.Reason);
        Assert.DoesNotContain("token-", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATokenWithoutAPreviousSecretAcceptsOnlyTheSecret()
    {
        var settings = Token with { PreviousSecret = null };

        Assert.True(Verify(settings, ("X-Inlet-Token", "new-token-1234")).Succeeded);
        Assert.Equal("bad_token", Verify(settings, ("X-Inlet-Token", "old-token-5678")).Reason);
    }

    [Theory]
    [InlineData("shop:new-pass-1234")]
    [InlineData("shop:old-pass-5678")]
    public void BasicCredentialsWithThePasswordOrThePreviousOnePass(string credentials)
    {
        var result = Verify(Basic, ("Authorization", BasicHeader(credentials)));

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void TheBasicSchemeNameIsCaseInsensitive()
    {
        var result = Verify(Basic, ("authorization", "basic " + Convert.ToBase64String("shop:new-pass-1234"u8)));

        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData(null, "missing_credentials")]
    [InlineData("Bearer shop:new-pass-1234", "missing_credentials")]
    [InlineData("Basic not*base64", "bad_credentials")]
    [InlineData("Basic c2hvcA==", "bad_credentials")]
    public void MissingOrUnreadableCredentialsFailWithTheirReason(string? authorization, string reason)
    {
        var result = authorization is null ? Verify(Basic) : Verify(Basic, ("Authorization", authorization));

        Assert.Equal(reason, result.Reason);
    }

    [Theory]
    [InlineData("shop:wrong")]
    [InlineData("other:new-pass-1234")]
    [InlineData("shop:")]
    [InlineData("shop:new-pass-1234:")]
    public void WrongCredentialsFailAsBadCredentials(string credentials)
    {
        var result = Verify(Basic, ("Authorization", BasicHeader(credentials)));

        Assert.Equal("bad_credentials", result.Reason);
        Assert.DoesNotContain("pass-", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoneLetsEveryRequestThrough()
    {
        Assert.True(Verify(new VerificationDefinition()).Succeeded);
    }
}
