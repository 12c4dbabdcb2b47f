using System.Collections.Concurrent;

namespace Telehealth.Gateway.Core.Status;

/// <summary>Counts of what the gateway did since start, for the status page and logs.</summary>
public sealed class GatewayCounters
{
    private long _messagesAccepted;
    private long _readingsAccepted;
    private long _messagesInvalid;
    private long _messagesRefused;
    private long _messagesUnauthorized;
    private long _connectionsRefused;
    private long _batchesSent;
    private long _readingsRejectedByIngest;
    private long _sendFailures;
    private readonly ConcurrentDictionary<string, bool> _devicesSeen = new(StringComparer.Ordinal);

    public long MessagesAccepted => Interlocked.Read(ref _messagesAccepted);

    public long ReadingsAccepted => Interlocked.Read(ref _readingsAccepted);

    /// <summary>Messages refused as invalid (dead-lettered).</summary>
    public long MessagesInvalid => Interlocked.Read(ref _messagesInvalid);

    /// <summary>Messages refused because the buffer could not commit (full or failing): the device keeps them.</summary>
    public long MessagesRefused => Interlocked.Read(ref _messagesRefused);

    /// <summary>Messages refused because the device published to a topic not its own (nothing kept).</summary>
    public long MessagesUnauthorized => Interlocked.Read(ref _messagesUnauthorized);

    /// <summary>Connections refused for missing or wrong credentials or a client id not its own.</summary>
    public long ConnectionsRefused => Interlocked.Read(ref _connectionsRefused);

    public long BatchesSent => Interlocked.Read(ref _batchesSent);

    public long ReadingsRejectedByIngest => Interlocked.Read(ref _readingsRejectedByIngest);

    public long SendFailures => Interlocked.Read(ref _sendFailures);

    public void MessageAccepted(int readings)
    {
        Interlocked.Increment(ref _messagesAccepted);
        Interlocked.Add(ref _readingsAccepted, readings);
    }

    /// <summary>Notes that a device sent something.</summary>
    public void DeviceSeen(string deviceId)
    {
        if (_devicesSeen.Count < 1000)
        {
            _devicesSeen.TryAdd(deviceId, true);
        }
    }

    /// <summary>Device ids that sent something since start, sorted.</summary>
    public IReadOnlyList<string> DevicesSeen() => [.. _devicesSeen.Keys.Order(StringComparer.Ordinal)];

    public void MessageInvalid() => Interlocked.Increment(ref _messagesInvalid);

    public void MessageRefused() => Interlocked.Increment(ref _messagesRefused);

    public void MessageUnauthorized() => Interlocked.Increment(ref _messagesUnauthorized);

    public void ConnectionRefused() => Interlocked.Increment(ref _connectionsRefused);

    public void BatchSent(int rejected)
    {
        Interlocked.Increment(ref _batchesSent);
        Interlocked.Add(ref _readingsRejectedByIngest, rejected);
    }

    public void SendFailed() => Interlocked.Increment(ref _sendFailures);
}
