namespace Inlet.Tests.Accounts;

/// <summary>Creates an account through the API with the demo admin key, and hands back the secret of its first key.</summary>
internal static class NewAccounts
{
    public static async Task<string> CreateAsync(InletApp app, string id, string name = "Test account")
    {
        var answer = await app.Api().PostJsonAsync("/api/v1/accounts", $$"""{"id":"{{id}}","name":"{{name}}"}""");
        await answer.ShouldBeAsync(201);
        return (await answer.ReadJsonAsync())["apiKey"]!["secret"]!.GetValue<string>();
    }
}
