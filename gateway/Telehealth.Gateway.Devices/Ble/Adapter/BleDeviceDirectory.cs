using Telehealth.Gateway.Devices.Ble.BlueZ;

namespace Telehealth.Gateway.Devices.Ble.Adapter;

/// <summary>
/// BlueZ's devices as the adapter knows them, kept current from GetManagedObjects and InterfacesAdded/Removed:
/// enrolled devices' object paths (waitable), removals (waitable), and the count of unknown devices ignored.
/// </summary>
internal sealed class BleDeviceDirectory
{
    private readonly Lock _lock = new();
    private readonly HashSet<string> _enrolled;
    private readonly HashSet<string> _unknownSeen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _pathByAddress = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskCompletionSource> _removalByPath = new(StringComparer.Ordinal);
    private readonly Action<long> _onUnknown;
    private readonly Action? _onEnrolledSeen;
    private readonly HashSet<string> _enrolledSeen = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = NewSignal();

    public BleDeviceDirectory(IEnumerable<string> enrolledAddresses, Action<long> onUnknown, Action? onEnrolledSeen = null)
    {
        _onEnrolledSeen = onEnrolledSeen;
        _enrolled = new HashSet<string>(enrolledAddresses.Select(BleAddress.Normalize), StringComparer.Ordinal);
        _onUnknown = onUnknown;
    }

    /// <summary>The first adapter seen, or null.</summary>
    public string? AdapterPath { get; private set; }

    /// <summary>Adds an object (from GetManagedObjects or InterfacesAdded).</summary>
    public void Add(BluezObject added)
    {
        long unknownCount = 0;
        var enrolledFirstSeen = false;
        TaskCompletionSource changed;
        lock (_lock)
        {
            if (added.Has(BluezNames.Adapter))
            {
                AdapterPath ??= added.Path;
            }

            if (added.Has(BluezNames.Device) && added.GetString(BluezNames.Device, "Address") is { } raw)
            {
                var address = BleAddress.Normalize(raw);
                if (_enrolled.Contains(address))
                {
                    _pathByAddress[address] = added.Path;
                    enrolledFirstSeen = _enrolledSeen.Add(address);
                }
                else if (_unknownSeen.Add(address))
                {
                    unknownCount = _unknownSeen.Count;
                }
            }

            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
        if (unknownCount > 0)
        {
            _onUnknown(unknownCount);
        }

        if (enrolledFirstSeen)
        {
            _onEnrolledSeen?.Invoke();
        }
    }

    /// <summary>Handles InterfacesRemoved: a device that lost Device1 is gone.</summary>
    public void Remove(BluezRemoval removal)
    {
        if (!removal.Interfaces.Contains(BluezNames.Device))
        {
            return;
        }

        TaskCompletionSource? removed;
        lock (_lock)
        {
            foreach (var entry in _pathByAddress.Where(e => e.Value == removal.Path).ToList())
            {
                _pathByAddress.Remove(entry.Key);
            }

            _removalByPath.Remove(removal.Path, out removed);
        }

        removed?.TrySetResult();
    }

    /// <summary>Waits until BlueZ knows the enrolled device with this address; returns its object path.</summary>
    public async Task<string> WaitForDeviceAsync(string address, CancellationToken cancellationToken)
    {
        var normalized = BleAddress.Normalize(address);
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (_pathByAddress.TryGetValue(normalized, out var path))
                {
                    return path;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Completes when the device object at <paramref name="path"/> is removed.</summary>
    public Task WhenRemoved(string path)
    {
        lock (_lock)
        {
            if (!_pathByAddress.ContainsValue(path))
            {
                return Task.CompletedTask;
            }

            if (!_removalByPath.TryGetValue(path, out var removal))
            {
                removal = NewSignal();
                _removalByPath[path] = removal;
            }

            return removal.Task;
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
