if (args is ["decode", ..]) { return Telehealth.Gateway.Devices.Gatt.Decode.DecodeCommand.Run(args[1..], Console.Out, Console.Error); }
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.Run();
return 0;
