using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telehealth.Gateway.Core.Readings;
using Telehealth.Gateway.Devices.Ble.BlueZ;
using Telehealth.Gateway.Devices.Gatt.Decoding;
using Tmds.DBus.Protocol;

namespace Telehealth.Gateway.Devices.Ble.Adapter;

/// <summary>
/// The BLE adapter: connects to BlueZ, keeps discovery on, runs one session per enrolled device (unknown devices are
/// ignored and counted), and starts over with backoff when BlueZ or the bus goes away.
/// </summary>
public sealed class BleAdapterService : BackgroundService
{
    private readonly BleAdapterContext _context;

    /// <summary>Creates the adapter; throws when the options are invalid (naming the key).</summary>
    public BleAdapterService(
        IOptions<BleOptions> options,
        GattDecoderRegistry decoders,
        IReadingSink sink,
        TimeProvider time,
        BleCounters counters,
        ILogger<BleAdapterService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var error = BleOptionsValidator.FindError(options.Value);
        if (error is not null)
        {
            throw new OptionsValidationException(BleOptions.SectionName, typeof(BleOptions), [error]);
        }

        _context = new BleAdapterContext(options.Value, decoders, sink, time, counters, logger);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_context.Options.Devices.Count == 0)
        {
            _context.Logger.NoDevicesEnrolled();
            return;
        }

        var backoff = new BleBackoff(_context.Options.ReconnectInitialDelay, _context.Options.ReconnectMaxDelay);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunBusAsync(backoff, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (BleFailures.IsRetryable(ex))
            {
                var delay = backoff.Next();
                _context.Logger.BusFailed(delay, ex);
                try
                {
                    await Task.Delay(delay, _context.Time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task RunBusAsync(BleBackoff backoff, CancellationToken stoppingToken)
    {
        using var client = new BluezClient(BluezBusAddress.Resolve(_context.Options.BusAddress));
        await client.ConnectAsync(stoppingToken).ConfigureAwait(false);
        var bluezGone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var ownerWatch = await client.WatchServiceGoneAsync(() => bluezGone.TrySetResult()).ConfigureAwait(false);
        var directory = new BleDeviceDirectory(_context.Options.Devices.Select(d => d.Address), count =>
        {
            _context.Counters.UnknownDeviceIgnored();
            _context.Logger.UnknownDevice(count);
        }, _context.Counters.EnrolledDeviceSeen);
        using var added = await client.WatchInterfacesAddedAsync(directory.Add).ConfigureAwait(false);
        using var removed = await client.WatchInterfacesRemovedAsync(directory.Remove).ConfigureAwait(false);
        foreach (var existing in await client.GetManagedObjectsAsync(stoppingToken).ConfigureAwait(false))
        {
            directory.Add(existing);
        }

        var adapterPath = directory.AdapterPath ?? throw new InvalidOperationException("BlueZ has no Bluetooth adapter");
        await client.SetLowEnergyDiscoveryFilterAsync(adapterPath, stoppingToken).ConfigureAwait(false);
        await client.StartDiscoveryAsync(adapterPath, stoppingToken).ConfigureAwait(false);
        _context.Logger.Discovering(adapterPath, _context.Options.Devices.Count);
        backoff.Reset();

        using var sessionsStop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var sessions = _context.Options.Devices
            .Select(device => new BleDeviceSession(device, client, directory, _context).RunAsync(sessionsStop.Token))
            .ToList();
        var busLost = client.DisconnectedAsync();
        await Task.WhenAny(busLost, bluezGone.Task, Task.WhenAll(sessions), Task.Delay(Timeout.Infinite, stoppingToken)).ConfigureAwait(false);
        await sessionsStop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(sessions).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Sessions end by cancellation.
        }

        stoppingToken.ThrowIfCancellationRequested();
        throw bluezGone.Task.IsCompleted
            ? new InvalidOperationException("BlueZ left the bus (bluetoothd stopped or restarted)")
            : new InvalidOperationException("the D-Bus connection to BlueZ was lost", busLost.IsCompleted ? busLost.Result : null);
    }
}
