using System.ComponentModel.DataAnnotations;

namespace Telehealth.Gateway.Devices.Sensors.Polling;

/// <summary>Validates an options object against its DataAnnotations, so a misconfigured sensor refuses to start.</summary>
public static class OptionsGuard
{
    /// <summary>Throws <see cref="ValidationException"/> naming the section and the first invalid key.</summary>
    public static T Validate<T>(T options, string section)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(options);
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            var first = results[0];
            var keys = string.Join(", ", first.MemberNames.Select(m => $"{section}:{m}"));
            throw new ValidationException($"Invalid configuration {keys}: {first.ErrorMessage}");
        }

        return options;
    }
}
