namespace Inlet.Accounts;

internal static class AccountsSetup
{
    /// <summary>Accounts, API keys and users, as the API and the command line change them.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services) =>
        services.AddScoped<AccountCreator>().AddScoped<ApiKeyIssuer>().AddScoped<BackofficeUsers>();
}
