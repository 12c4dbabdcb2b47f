namespace Telehealth.Gateway.Core.Devices;

/// <summary>The outcome of checking a device's credentials against the registry.</summary>
public enum CredentialCheck
{
    /// <summary>An enrolled device with its right password.</summary>
    Accepted,

    /// <summary>No username or no password was given.</summary>
    Missing,

    /// <summary>The username is not an enrolled device.</summary>
    UnknownDevice,

    /// <summary>An enrolled device, but the password does not match.</summary>
    WrongPassword,
}
