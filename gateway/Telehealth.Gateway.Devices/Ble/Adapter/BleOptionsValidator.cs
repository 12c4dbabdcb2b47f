using System.Globalization;
using Microsoft.Extensions.Options;

namespace Telehealth.Gateway.Devices.Ble.Adapter;

/// <summary>Refuses a BLE configuration that cannot work, naming the wrong key.</summary>
public sealed class BleOptionsValidator : IValidateOptions<BleOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, BleOptions options)
    {
        var error = FindError(options);
        return error is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(error);
    }

    /// <summary>The first problem, as "Ble:Key: what is wrong", or null when the options are valid.</summary>
    public static string? FindError(BleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string S = BleOptions.SectionName;
        if (options.ReconnectInitialDelay <= TimeSpan.Zero)
        {
            return $"{S}:{nameof(BleOptions.ReconnectInitialDelay)} must be positive (was {options.ReconnectInitialDelay}).";
        }

        if (options.ReconnectMaxDelay < options.ReconnectInitialDelay)
        {
            return $"{S}:{nameof(BleOptions.ReconnectMaxDelay)} must be at least {S}:{nameof(BleOptions.ReconnectInitialDelay)} (was {options.ReconnectMaxDelay}).";
        }

        if (options.ServicesResolvedTimeout <= TimeSpan.Zero)
        {
            return $"{S}:{nameof(BleOptions.ServicesResolvedTimeout)} must be positive (was {options.ServicesResolvedTimeout}).";
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var addresses = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Devices.Count; i++)
        {
            var device = options.Devices[i];
            var key = string.Create(CultureInfo.InvariantCulture, $"{S}:{nameof(BleOptions.Devices)}:{i}");
            if (string.IsNullOrWhiteSpace(device.Id))
            {
                return $"{key}:{nameof(BleDeviceOptions.Id)} is required.";
            }

            if (!ids.Add(device.Id))
            {
                return $"{key}:{nameof(BleDeviceOptions.Id)} '{device.Id}' is enrolled twice.";
            }

            if (!BleAddress.IsValid(device.Address))
            {
                return $"{key}:{nameof(BleDeviceOptions.Address)} '{device.Address}' is not a Bluetooth address (AA:BB:CC:DD:EE:FF).";
            }

            if (!addresses.Add(device.Address))
            {
                return $"{key}:{nameof(BleDeviceOptions.Address)} '{device.Address}' is enrolled twice.";
            }
        }

        return null;
    }
}
