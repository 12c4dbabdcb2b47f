using Telehealth.Ingest;
using Telehealth.Ingest.Alerting;
using Telehealth.Ingest.Batches;
using Telehealth.Ingest.Fleet;
using Telehealth.Ingest.Admin;
using Telehealth.Ingest.Enrolment;
using Telehealth.Ingest.Gateways;
using Telehealth.Ingest.Health;
using Telehealth.Ingest.Heartbeats;
using Telehealth.Ingest.Storage;
using Telehealth.Ingest.Telemetry;
using Telehealth.Metadata;

if (args is ["admin", ..])
{
    return await AdminCommand.RunAsync(args[1..], Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddGatewayRegistry();
builder.AddBatchIntake();
builder.AddFleet();
builder.AddIngestTelemetry();
builder.Services.AddInfluxStorage(builder.Configuration);
builder.Services.AddMetadataStore(builder.Configuration);
builder.Services.AddAlerting(builder.Configuration);
builder.Services.AddOpenApi();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseIngestTelemetry();
app.UseRateLimiter();
app.UseRequestDecompression();
app.MapOpenApi();
app.MapHealth();
app.MapBatches();
app.MapHeartbeats();
app.MapFleet();
app.MapAlerting();
app.MapEnrolment();
app.MapGatewaySecrets();
app.MapAdminGateways();
app.MapIngestTelemetry();
app.Run();
return 0;
