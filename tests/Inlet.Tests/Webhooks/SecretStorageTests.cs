namespace Inlet.Tests.Webhooks;

public sealed class SecretStorageTests(InletApp app) : IClassFixture<InletApp>
{
    private const string Secret = "tok-7f3a9c2e51d84b06";

    [Fact]
    public async Task AVerificationSecretIsStoredEncryptedReadBackMaskedAndStillChecked()
    {
        var id = await app.CreateWebhookAsync(Scenario.PointAddDefinition("secret-1",
            $$""", "verification": {"type": "token", "header": "X-Shop-Token", "secret": "{{Secret}}"}"""));
        await app.OptInAsync("secret-member");
        // Saving again with the masked value the API showed keeps the secret.
        var read = await app.Api().GetJsonAsync($"/api/v1/webhooks/{id}");
        Assert.Equal("****4b06", read["verification"]!["secret"]!.GetValue<string>());
        await (await app.Api().PutJsonAsync($"/api/v1/webhooks/{id}", read.ToJsonString())).ShouldBeAsync(200);

        var stored = await app.SqlAsync(
            """SELECT "DefinitionJson" FROM "Webhooks" WHERE "Id" = @id UNION ALL SELECT "DefinitionJson" FROM "WebhookVersions" WHERE "WebhookId" = @id""",
            ("id", id));
        Assert.Equal(3, stored.Count);
        Assert.All(stored, row => Assert.DoesNotContain(Secret, (string)row[0]!, StringComparison.Ordinal));
        Assert.All(stored, row => Assert.Contains("enc:v1:", (string)row[0]!, StringComparison.Ordinal));

        await (await app.SendAsync("secret-1", """{"clientID":"secret-member","points":2}""", headers: ("X-Shop-Token", "wrong"))).ShouldBeAsync(401);
        await (await app.SendAsync("secret-1", """{"clientID":"secret-member","points":2}""", headers: ("X-Shop-Token", Secret))).ShouldBeAsync(200);
        Assert.Equal(2, await app.ScoreAsync("secret-member"));
    }
}
