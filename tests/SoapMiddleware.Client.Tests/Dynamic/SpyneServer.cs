using System.Diagnostics;
using SoapMiddleware.Client.Calls;

namespace SoapMiddleware.Client.Tests.Dynamic;

/// <summary>The Spyne service of <c>Interop/spyne_server.py</c> (or another script there; Debian python3-spyne) on 127.0.0.1 and a free port, stopped with the fixture.</summary>
public class SpyneServer : IAsyncLifetime
{
    private readonly string _script;
    private Process? _process;

    public SpyneServer()
        : this("spyne_server.py")
    {
    }

    protected SpyneServer(string script) => _script = script;

    public Uri Address { get; private set; } = null!;

    public Uri Wsdl => new(Address, "/?wsdl");

    /// <summary>An HTTP client for this peer: it resends a request wsgiref closed on without answering (<see cref="WsgirefRetryHandler"/>).</summary>
    public HttpClient Http { get; } = new(new WsgirefRetryHandler());

    /// <summary>A dynamic client of this peer's WSDL, through <see cref="Http"/>.</summary>
    public Task<RpcClient> ClientAsync() => RpcClient.FromWsdlAsync(Wsdl, httpClient: () => Http);

    public async Task InitializeAsync()
    {
        var port = ChildProcess.FreePort();
        Address = new Uri($"http://127.0.0.1:{port}/");
        _process = ChildProcess.Start("/usr/bin/python3", Path.Combine(AppContext.BaseDirectory, "Interop", _script), port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var http = new HttpClient();
        await Wait.UntilAsync(
            async () =>
            {
                Assert.False(_process.HasExited, $"{_script} exited with {(_process.HasExited ? _process.ExitCode : 0)}: is python3-spyne installed?");
                try
                {
                    return (await http.GetAsync(Wsdl)).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            "the Spyne server to serve its WSDL",
            TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        Http.Dispose();
    }
}
