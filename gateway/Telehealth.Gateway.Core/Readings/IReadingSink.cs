namespace Telehealth.Gateway.Core.Readings;

/// <summary>Where adapters put readings: the durable buffer.</summary>
public interface IReadingSink
{
    /// <summary>
    /// Appends readings durably. The task completes only after the transaction holding them has committed, so an
    /// adapter may acknowledge the device (MQTT PUBACK, BLE indication handled) once it returns. Throws
    /// <see cref="BufferUnavailableException"/> when the readings could not be stored (full, disk error).
    /// </summary>
    ValueTask AppendAsync(IReadOnlyList<DeviceReading> readings, CancellationToken cancellationToken);
}
