using System.Net;
using System.Net.Sockets;

namespace InFocus.TestKit;

/// <summary>
/// A TCP relay from a loopback port of its own to a real server (smtp4dev, say) that a test can break and mend while
/// the app under test keeps the same address: while <see cref="Broken"/>, it accepts each connection and closes it at
/// once, as a server going down does. Lets a test make a real dependency fail without replacing it by a fake.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly Task _accepting;
    private volatile bool _broken;
    private CancellationTokenSource _cut = new();

    public TcpRelay(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    /// <summary>The loopback port to give the app instead of the server's.</summary>
    public int Port { get; }

    /// <summary>
    /// While true, connections are closed as soon as they are accepted; breaking also cuts the connections open at that
    /// moment (a keep-alive connection would otherwise outlive the outage).
    /// </summary>
    public bool Broken
    {
        get => _broken;
        set
        {
            _broken = value;
            if (value)
            {
                // Not disposed: a relay starting now may still be linking to it.
                Interlocked.Exchange(ref _cut, new CancellationTokenSource()).Cancel();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stopping.Dispose();
        _cut.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        {
            if (_broken)
            {
                return;
            }

            using var server = new TcpClient();
            using var ending = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, Volatile.Read(ref _cut).Token);
            try
            {
                await server.ConnectAsync(_targetHost, _targetPort, ending.Token);
                var fromClient = client.GetStream().CopyToAsync(server.GetStream(), ending.Token);
                var fromServer = server.GetStream().CopyToAsync(client.GetStream(), ending.Token);
                // Either side closing ends the conversation (SMTP: the server closes after answering QUIT).
                await Task.WhenAny(fromClient, fromServer);
                client.Close();
                server.Close();
                await Task.WhenAll(fromClient, fromServer);
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // A connection cut short, by either side or by closing the relay: the app under test reports it.
            }
        }
    }
}
