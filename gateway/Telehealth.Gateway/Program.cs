using Telehealth.Gateway;
using Telehealth.Gateway.Core.Enrolment;
using Telehealth.Gateway.Devices.Gatt.Decode;

if (args is ["decode", ..])
{
    return DecodeCommand.Run(args[1..], Console.Out, Console.Error);
}

if (args is ["enrol", ..])
{
    return await EnrolCommand.RunAsync(args[1..], Console.Out, Console.Error);
}

await using var app = GatewayApp.Build(args);
await app.RunAsync();
return 0;
