using System.Net;
using System.Net.Sockets;

namespace InFocus.TestKit;

/// <summary>Loopback ports for servers a test starts, or for a dependency a test wants unreachable.</summary>
public static class LoopbackPort
{
    /// <summary>A port nothing listens on at the moment of the call (the system's choice of a free one).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
