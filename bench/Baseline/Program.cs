using System.Text.Json;

// The load benchmark's baseline: the least an ASP.NET Core endpoint does with a webhook — read the body, parse it as
// JSON, answer. Inlet's figures are reported as a ratio of this one's, measured in the same run on the same machine.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var app = builder.Build();

app.MapGet("/health/ready", () => "ok");
app.MapPost("/webhooks/custom/{accountId}/{endpoint}", async (HttpRequest request) =>
{
    using var document = await JsonDocument.ParseAsync(request.Body);
    return document.RootElement.ValueKind == JsonValueKind.Object
        ? Results.Text("""{"ok":true}""", "application/json")
        : Results.BadRequest();
});

app.Run();
