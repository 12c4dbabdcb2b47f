using Telehealth.Gateway;
using Telehealth.GatewayDemo.Buses;

// The gateway exactly as deployed (GatewayApp), except that the I2C and GPIO buses are simulated chips driven by the
// scenario in the Simulation section. Configuration is the gateway's (Devices:I2c, Devices:Gpio, …).
await using var app = GatewayApp.Build(args, builder => builder.AddSimulatedBuses());
await app.RunAsync();
