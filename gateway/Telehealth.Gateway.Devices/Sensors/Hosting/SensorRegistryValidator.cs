using Microsoft.Extensions.Options;

namespace Telehealth.Gateway.Devices.Sensors.Hosting;

/// <summary>Validates <c>Devices:I2c</c> and <c>Devices:Gpio</c> at start; every error names its key.</summary>
public sealed class SensorRegistryValidator : IValidateOptions<SensorRegistryOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SensorRegistryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var plan = SensorPlan.Create(options);
        return plan.Errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(plan.Errors);
    }
}
