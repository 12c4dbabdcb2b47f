using Telehealth.Ingest;
using Telehealth.Ingest.Batches;
using Telehealth.Ingest.Heartbeats;
using Telehealth.Ingest.Storage;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 8 * 1024 * 1024);
builder.AddGatewayRegistry();
builder.AddBatchIntake();
builder.Services.AddInfluxStorage(builder.Configuration);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestDecompression();
app.MapBatches();
app.MapHeartbeats();
app.MapGet("/healthz", () => TypedResults.Ok("ok"));
app.Run();
