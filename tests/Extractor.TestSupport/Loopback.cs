using System.Net;
using System.Net.Sockets;

namespace Extractor.TestSupport;

/// <summary>Free ports on 127.0.0.1, so that test servers running side by side never clash.</summary>
public static class Loopback
{
    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
