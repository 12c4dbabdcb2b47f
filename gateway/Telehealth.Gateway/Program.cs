using Telehealth.Gateway;
using Telehealth.Gateway.Devices.Gatt.Decode;

if (args is ["decode", ..])
{
    return DecodeCommand.Run(args[1..], Console.Out, Console.Error);
}

await using var app = GatewayApp.Build(args);
await app.RunAsync();
return 0;
