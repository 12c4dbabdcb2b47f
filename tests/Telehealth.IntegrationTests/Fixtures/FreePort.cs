using System.Net;
using System.Net.Sockets;

namespace Telehealth.IntegrationTests.Fixtures;

/// <summary>Free TCP ports on 127.0.0.1 for servers started by fixtures.</summary>
public static class FreePort
{
    /// <summary>
    /// A port the OS just handed out for 127.0.0.1 and that is free again now. Another process could take it before
    /// the server binds it; the server fixtures retry with new ports when their server fails to start.
    /// </summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
