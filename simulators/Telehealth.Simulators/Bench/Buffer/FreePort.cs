using System.Net;
using System.Net.Sockets;

namespace Telehealth.Simulators.Bench.Buffer;

/// <summary>A loopback TCP port that was free a moment ago (bind to port 0, read it, close).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
