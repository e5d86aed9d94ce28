using Inlet.Accounts;

namespace Inlet.Backoffice;

/// <summary>
/// The Backoffice: server-rendered Razor Pages under <c>/backoffice</c>, signed in with a cookie. Cookies and antiforgery
/// tokens are protected by ASP.NET Data Protection, so any node holding the keys serves any request: no sticky sessions.
/// </summary>
internal static class BackofficeSetup
{
    public const string Scheme = "Backoffice";
    public const string Policy = "backoffice";

    public static IServiceCollection AddBackoffice(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Backoffice";
            options.Conventions.AuthorizeFolder("/", Policy);
            options.Conventions.AllowAnonymousToPage("/Login");
            options.Conventions.AddPageRoute("/Webhooks/Index", "/backoffice");
        });
        services.AddAuthentication()
            .AddCookie(Scheme, options =>
            {
                options.LoginPath = "/backoffice/login";
                options.LogoutPath = "/backoffice/logout";
                options.AccessDeniedPath = "/backoffice/login";
                options.Cookie.Name = "inlet.backoffice";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.SlidingExpiration = true;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.Events.OnValidatePrincipal = BackofficeSessions.ValidateAsync;
            });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "inlet.antiforgery";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddScoped<LoginThrottling>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(Scheme).RequireClaim(ApiKeyAuthentication.AccountClaim));
        return services;
    }

    public static WebApplication MapBackoffice(this WebApplication app)
    {
        app.MapGet("/", () => Results.Redirect("/backoffice")).ExcludeFromDescription();
        app.MapRazorPages();
        return app;
    }
}
