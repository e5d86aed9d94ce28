using Inlet.Accounts;
using Inlet.Alerts;
using Inlet.Admin;
using Inlet.Backoffice;
using Inlet.Events;
using Inlet.Export;
using Inlet.Hosting;
using Inlet.Ingestion;
using Inlet.Logs;
using Inlet.Members;
using Inlet.Parked;
using Inlet.Replays;
using Inlet.Settings;
using Inlet.Telemetry;
using Inlet.Webhooks;
using Inlet.Writer;
using Scalar.AspNetCore;

if (AdminCommands.Handles(args))
{
    return await AdminCommands.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(HostingSetup.Options(args)).ListenOnDefaultUrlUnlessConfigured();

builder.Services.AddInletStore(builder.Configuration);
builder.Services.AddInletHosting();
builder.Services.AddAccounts();
builder.Services.AddApiKeyRateLimits();
builder.Services.AddWriter();
builder.Services.AddIngestion();
builder.Services.AddBackoffice();
builder.Services.AddLogs();
builder.Services.AddExport();
builder.Services.AddReplays();
builder.Services.AddAlerts();
builder.Services.AddTelemetry(builder.Configuration);

var app = builder.Build();

app.UseExceptionHandler();
app.UseStaticFiles();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();

app.MapOpenApi();
app.MapScalarApiReference("/api");
app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
app.MapMetrics();
app.MapIngestion();
app.MapBackoffice();

var api = app.MapGroup("/api/v1").RequireAuthorization().RequireRateLimiting(ApiKeyRateLimits.Policy);
api.MapEvents();
api.MapEventTypes();
api.MapWebhooks();
api.MapCustomers();
api.MapParked();
api.MapApiKeys();
api.MapAccounts();
api.MapLogs();
api.MapReplays();
api.MapSettings();
api.MapAlerts();
api.MapExport();

return app.RunInlet();

/// <summary>The entry point, visible to the HTTP tests.</summary>
public partial class Program;
