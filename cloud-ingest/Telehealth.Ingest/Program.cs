using Telehealth.Ingest;
using Telehealth.Ingest.Batches;
using Telehealth.Ingest.Health;
using Telehealth.Ingest.Heartbeats;
using Telehealth.Ingest.Storage;
using Telehealth.Ingest.Telemetry;
using Telehealth.Metadata;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddGatewayRegistry();
builder.AddBatchIntake();
builder.AddIngestTelemetry();
builder.Services.AddInfluxStorage(builder.Configuration);
builder.Services.AddMetadataStore(builder.Configuration);
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
app.MapIngestTelemetry();
app.Run();
