using Telehealth.Gateway.Core;
using Telehealth.Gateway.Devices.Ble.Adapter;
using Telehealth.Gateway.Devices.Gatt.Decode;
using Telehealth.Gateway.Status;

if (args is ["decode", ..])
{
    return DecodeCommand.Run(args[1..], Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddSystemd();
builder.AddGatewayIdentity();
builder.AddReadingBuffer();
builder.AddBleDevices();
builder.AddDeviceRegistry();
builder.AddMqttDevices(); // Mqtt:Mode: Embedded (default) or External
builder.AddForwarder();

var app = builder.Build();
app.MapGatewayStatus();
app.Run();
return 0;
