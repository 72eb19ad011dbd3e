using System.Net;
using System.Net.Sockets;

namespace SoapMiddleware.Docs.Tests.Infrastructure;

/// <summary>Free TCP ports on 127.0.0.1, so the tests never collide with an app someone runs on the documented 5000.</summary>
public static class LoopbackPort
{
    /// <summary>A port nothing listens on right now (the OS picks it).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
