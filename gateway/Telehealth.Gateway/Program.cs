using Telehealth.Gateway.Core;
using Telehealth.Gateway.Status;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddSystemd();
builder.AddGatewayIdentity();
builder.AddReadingBuffer();
builder.AddEmbeddedBroker();
builder.AddForwarder();

var app = builder.Build();
app.MapGatewayStatus();
app.Run();
return 0;
