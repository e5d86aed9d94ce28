using System.Text.Json.Nodes;

namespace Inlet.Tests.Accounts;

public sealed class ApiKeysTests(InletApp app) : IClassFixture<InletApp>
{
    [Fact]
    public async Task ANewKeyShowsItsSecretOnceAndWorks()
    {
        var api = app.Api();
        var answer = await api.PostJsonAsync("/api/v1/api-keys", """{"name":"shop integration"}""");

        await answer.ShouldBeAsync(201);
        var key = await answer.ReadJsonAsync();
        var id = key["id"]!.GetValue<string>();
        var secret = key["secret"]!.GetValue<string>();
        Assert.Equal("shop integration", key["name"]!.GetValue<string>());
        Assert.StartsWith(key["prefix"]!.GetValue<string>(), secret, StringComparison.Ordinal);
        await (await app.Api(secret).GetAsync("/api/v1/webhooks", TestContext.Current.CancellationToken)).ShouldBeAsync(200);
        var listed = Listed(await api.GetJsonAsync("/api/v1/api-keys"), id);
        Assert.False(listed["isAdmin"]!.GetValue<bool>());
        Assert.Equal(["createdAt", "id", "isAdmin", "name", "prefix"], listed.AsObject().Select(p => p.Key).Order());
        Assert.DoesNotContain(secret, (await api.GetStringAsync("/api/v1/api-keys", TestContext.Current.CancellationToken)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBootstrapKeyIsListedAsAdmin()
    {
        var keys = (await app.Api().GetJsonAsync("/api/v1/api-keys")).AsArray();

        var bootstrap = keys.Single(k => k!["name"]!.GetValue<string>() == "bootstrap")!;
        Assert.True(bootstrap["isAdmin"]!.GetValue<bool>());
        Assert.Equal(InletApp.ApiKey[..10], bootstrap["prefix"]!.GetValue<string>());
    }

    [Fact]
    public async Task ADeletedKeyStopsWorkingAtOnce()
    {
        var api = app.Api();
        var key = await (await api.PostJsonAsync("/api/v1/api-keys", """{"name":"to delete"}""")).ReadJsonAsync();
        var id = key["id"]!.GetValue<string>();
        var secret = key["secret"]!.GetValue<string>();
        await (await app.Api(secret).GetAsync("/api/v1/api-keys", TestContext.Current.CancellationToken)).ShouldBeAsync(200);

        var deleted = await api.DeleteAsync($"/api/v1/api-keys/{id}", TestContext.Current.CancellationToken);

        await deleted.ShouldBeAsync(204);
        await (await app.Api(secret).GetAsync("/api/v1/api-keys", TestContext.Current.CancellationToken)).ShouldBeAsync(401);
        Assert.DoesNotContain((await api.GetJsonAsync("/api/v1/api-keys")).AsArray(), k => k!["id"]!.GetValue<string>() == id);
        await (await api.DeleteAsync($"/api/v1/api-keys/{id}", TestContext.Current.CancellationToken)).ShouldBeAsync(404);
    }

    [Fact]
    public async Task AKeyNeverSeesNorDeletesAnotherAccountsKeys()
    {
        var other = app.Api(await NewAccounts.CreateAsync(app, "keys-other"));
        var otherKeyId = (await other.GetJsonAsync("/api/v1/api-keys")).AsArray().Single()!["id"]!.GetValue<string>();

        var deleted = await app.Api().DeleteAsync($"/api/v1/api-keys/{otherKeyId}", TestContext.Current.CancellationToken);

        await deleted.ShouldBeAsync(404);
        Assert.DoesNotContain((await app.Api().GetJsonAsync("/api/v1/api-keys")).AsArray(), k => k!["id"]!.GetValue<string>() == otherKeyId);
        Assert.DoesNotContain((await other.GetJsonAsync("/api/v1/api-keys")).AsArray(), k => k!["name"]!.GetValue<string>() == "bootstrap");
        await (await other.GetAsync("/api/v1/api-keys", TestContext.Current.CancellationToken)).ShouldBeAsync(200);
    }

    [Fact]
    public async Task AKeyThatIsNotAdminCannotDeleteAnAdminKey()
    {
        var plain = app.Api((await (await app.Api().PostJsonAsync("/api/v1/api-keys", """{"name":"plain"}""")).ReadJsonAsync())["secret"]!.GetValue<string>());
        var bootstrapId = (await plain.GetJsonAsync("/api/v1/api-keys")).AsArray().Single(k => k!["isAdmin"]!.GetValue<bool>())!["id"]!.GetValue<string>();

        var answer = await plain.DeleteAsync($"/api/v1/api-keys/{bootstrapId}", TestContext.Current.CancellationToken);

        await answer.ShouldBeAsync(403);
        Assert.Equal("admin_key_required", (await answer.ReadJsonAsync())["code"]!.GetValue<string>());
        await (await app.Api().GetAsync("/api/v1/api-keys", TestContext.Current.CancellationToken)).ShouldBeAsync(200);
    }

    [Fact]
    public async Task TheLastKeyOfAnAccountCannotBeDeleted()
    {
        var other = app.Api(await NewAccounts.CreateAsync(app, "keys-last"));
        var onlyKeyId = (await other.GetJsonAsync("/api/v1/api-keys")).AsArray().Single()!["id"]!.GetValue<string>();

        var answer = await other.DeleteAsync($"/api/v1/api-keys/{onlyKeyId}", TestContext.Current.CancellationToken);

        await answer.ShouldBeAsync(409);
        Assert.Equal("last_api_key", (await answer.ReadJsonAsync())["code"]!.GetValue<string>());
        await (await other.GetAsync("/api/v1/api-keys", TestContext.Current.CancellationToken)).ShouldBeAsync(200);
    }

    [Fact]
    public async Task AKeyNeedsAName()
    {
        var answer = await app.Api().PostJsonAsync("/api/v1/api-keys", """{"name":"  "}""");

        await answer.ShouldBeAsync(400);
        Assert.NotNull((await answer.ReadJsonAsync())["errors"]!["name"]);
    }

    private static JsonNode Listed(JsonNode keys, string id) => keys.AsArray().Single(k => k!["id"]!.GetValue<string>() == id)!;
}
