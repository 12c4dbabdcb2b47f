using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Telehealth.Gateway.Core.Readings;
using Telehealth.Gateway.Devices.Ble.BlueZ;
using Telehealth.Gateway.Devices.Gatt.Decoding;
using Tmds.DBus.Protocol;

namespace Telehealth.Gateway.Devices.Ble.Adapter;

/// <summary>
/// One enrolled device for the life of a BlueZ connection: waits for it, connects, subscribes to every characteristic
/// we decode, stores each value's readings, and reconnects with backoff when it is lost.
/// </summary>
internal sealed class BleDeviceSession
{
    private static readonly TimeSpan ResolvePollInterval = TimeSpan.FromMilliseconds(100);
    private readonly BleDeviceOptions _device;
    private readonly BluezClient _client;
    private readonly BleDeviceDirectory _directory;
    private readonly BleAdapterContext _context;
    private readonly Channel<BleValue> _values = Channel.CreateUnbounded<BleValue>(new UnboundedChannelOptions { SingleReader = true });
    private bool _connectedBefore;
    private volatile bool _fetchingStoredRecords;

    public BleDeviceSession(BleDeviceOptions device, BluezClient client, BleDeviceDirectory directory, BleAdapterContext context)
    {
        _device = device;
        _client = client;
        _directory = directory;
        _context = context;
    }

    private ILogger Log => _context.Logger;

    /// <summary>Runs until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var consumer = ConsumeAsync(cancellationToken);
        var backoff = new BleBackoff(_context.Options.ReconnectInitialDelay, _context.Options.ReconnectMaxDelay);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var path = await _directory.WaitForDeviceAsync(_device.Address, cancellationToken).ConfigureAwait(false);
                try
                {
                    await RunConnectionAsync(path, backoff, cancellationToken).ConfigureAwait(false);
                    var delay = backoff.Next();
                    Log.Disconnected(_device.Id, delay);
                    await Task.Delay(delay, _context.Time, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (BleFailures.IsRetryable(ex) && !cancellationToken.IsCancellationRequested)
                {
                    var delay = backoff.Next();
                    Log.ConnectFailed(_device.Id, delay, ex);
                    await Task.Delay(delay, _context.Time, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _values.Writer.TryComplete();
            try
            {
                await consumer.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopping.
            }
        }
    }

    private async Task RunConnectionAsync(string path, BleBackoff backoff, CancellationToken cancellationToken)
    {
        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscriptions = new List<IDisposable>();
        var connected = false;
        try
        {
            subscriptions.Add(await _client.WatchPropertiesAsync(path, BluezNames.Device, change =>
            {
                if (change.GetBool("Connected") == false)
                {
                    lost.TrySetResult();
                }
            }).ConfigureAwait(false));
            var removed = _directory.WhenRemoved(path);

            var device = await FindAsync(path, cancellationToken).ConfigureAwait(false);
            if (!device.GetBool(BluezNames.Device, "Connected"))
            {
                try
                {
                    await _client.ConnectDeviceAsync(path, cancellationToken).ConfigureAwait(false);
                }
                catch (DBusErrorReplyException ex) when (ex.ErrorName == "org.bluez.Error.AlreadyConnected")
                {
                    // Connected meanwhile (by BlueZ's auto-connect or another client): carry on.
                }
            }

            var characteristics = await WaitForCharacteristicsAsync(path, cancellationToken).ConfigureAwait(false);
            var subscribed = 0;
            BluezObject? racp = null;
            foreach (var characteristic in characteristics)
            {
                var uuid = characteristic.GetString(BluezNames.GattCharacteristic, "UUID");
                if (_context.Decoders.TryGet(uuid, out var decoder))
                {
                    subscriptions.Add(await SubscribeAsync(characteristic.Path, decoder, cancellationToken).ConfigureAwait(false));
                    subscribed++;
                }
                else if (GattUuid.TryParse(uuid, out var uuid16) && uuid16 == RecordAccessControlPoint.Uuid)
                {
                    racp = characteristic;
                }
            }

            if (subscribed == 0)
            {
                Log.NothingToSubscribe(_device.Id);
            }
            else
            {
                Log.Subscribed(_device.Id, subscribed);
            }

            if (_connectedBefore && racp is not null && subscribed > 0 && _context.Options.FetchStoredRecords)
            {
                await RequestStoredRecordsAsync(racp.Path, subscriptions, cancellationToken).ConfigureAwait(false);
            }

            // Counted once everything for this connection is in place (tests and the status page rely on that).
            _context.Counters.Connected(_connectedBefore);
            connected = true;
            _connectedBefore = true;
            backoff.Reset();

            await Task.WhenAny(lost.Task, removed).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _fetchingStoredRecords = false;
            if (connected)
            {
                _context.Counters.ConnectionEnded();
            }

            foreach (var subscription in subscriptions)
            {
                subscription.Dispose();
            }
        }
    }

    private async Task<IDisposable> SubscribeAsync(string path, IGattDecoder decoder, CancellationToken cancellationToken)
    {
        var watch = await _client.WatchPropertiesAsync(path, BluezNames.GattCharacteristic, change =>
        {
            if (change.GetBytes("Value") is { } value)
            {
                _values.Writer.TryWrite(new BleValue(decoder, value, _fetchingStoredRecords));
            }
        }).ConfigureAwait(false);
        try
        {
            await _client.StartNotifyAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            watch.Dispose();
            throw;
        }

        return watch;
    }

    private async Task RequestStoredRecordsAsync(string racpPath, List<IDisposable> subscriptions, CancellationToken cancellationToken)
    {
        try
        {
            subscriptions.Add(await _client.WatchPropertiesAsync(racpPath, BluezNames.GattCharacteristic, change =>
            {
                if (change.GetBytes("Value") is not { } response)
                {
                    return;
                }

                if (response.Length > 0 && response[0] == RecordAccessControlPoint.ResponseCodeOpCode)
                {
                    // The device has sent every stored record it had (or refused): later values are live again.
                    _fetchingStoredRecords = false;
                }

                if (Log.IsEnabled(LogLevel.Debug))
                {
                    Log.RacpResponse(_device.Id, Convert.ToHexString(response));
                }
            }).ConfigureAwait(false));
            await _client.StartNotifyAsync(racpPath, cancellationToken).ConfigureAwait(false);
            _fetchingStoredRecords = true;
            await _client.WriteValueAsync(racpPath, RecordAccessControlPoint.ReportAllRecords, cancellationToken).ConfigureAwait(false);
            _context.Counters.StoredRecordsRequested();
            Log.StoredRecordsRequested(_device.Id);
        }
        catch (DBusExceptionBase ex)
        {
            _fetchingStoredRecords = false;
            Log.StoredRecordsFailed(_device.Id, ex);
        }
    }

    private async Task<BluezObject> FindAsync(string path, CancellationToken cancellationToken)
    {
        var objects = await _client.GetManagedObjectsAsync(cancellationToken).ConfigureAwait(false);
        return objects.FirstOrDefault(o => o.Path == path && o.Has(BluezNames.Device))
            ?? throw new TimeoutException("the device left BlueZ before it was connected");
    }

    private async Task<IReadOnlyList<BluezObject>> WaitForCharacteristicsAsync(string devicePath, CancellationToken cancellationToken)
    {
        var deadline = _context.Time.GetTimestamp();
        var prefix = devicePath + "/";
        while (true)
        {
            var objects = await _client.GetManagedObjectsAsync(cancellationToken).ConfigureAwait(false);
            var device = objects.FirstOrDefault(o => o.Path == devicePath && o.Has(BluezNames.Device))
                ?? throw new TimeoutException("the device left BlueZ while connecting");
            if (device.GetBool(BluezNames.Device, "ServicesResolved"))
            {
                return objects.Where(o => o.Path.StartsWith(prefix, StringComparison.Ordinal) && o.Has(BluezNames.GattCharacteristic)).ToList();
            }

            if (_context.Time.GetElapsedTime(deadline) > _context.Options.ServicesResolvedTimeout)
            {
                throw new TimeoutException($"services not resolved within {_context.Options.ServicesResolvedTimeout}");
            }

            await Task.Delay(ResolvePollInterval, _context.Time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ConsumeAsync(CancellationToken cancellationToken)
    {
        await foreach (var value in _values.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            _context.Counters.Notification();
            var result = value.Decoder.Decode(value.Value);
            if (!result.IsSuccess)
            {
                _context.Counters.Malformed();
                Log.MalformedValue(_device.Id, result.CharacteristicName, result.Error ?? "malformed value");
                continue;
            }

            _context.Counters.Decoded();
            if (value.StoredRecord)
            {
                _context.Counters.StoredRecordFetched();
            }

            var readings = result.ToDeviceReadings(_device.Id, _context.Time.GetUtcNow());
            if (readings.Count == 0)
            {
                continue;
            }

            try
            {
                await _context.Sink.AppendAsync(readings, cancellationToken).ConfigureAwait(false);
                _context.Counters.Stored(readings.Count);
            }
            catch (BufferUnavailableException ex)
            {
                _context.Counters.SinkRefused();
                Log.SinkRefused(_device.Id, readings.Count, ex);
            }
        }
    }
}
