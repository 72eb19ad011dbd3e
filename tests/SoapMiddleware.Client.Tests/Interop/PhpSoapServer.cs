using System.Diagnostics;

namespace SoapMiddleware.Client.Tests.Interop;

/// <summary>
/// PHP's <c>SoapServer</c> (Debian <c>php-cli</c> and <c>php-soap</c>) behind <c>php -S</c> on 127.0.0.1 and a free port,
/// serving <c>Interop/php/router.php</c>: <c>/encoded</c> (rpc/encoded), <c>/rpcliteral</c> (rpc/literal) and
/// <c>/literal</c> (document/literal wrapped).
/// </summary>
public sealed class PhpSoapServer : IAsyncLifetime
{
    private Process? _php;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var router = Path.Combine(AppContext.BaseDirectory, "Interop", "php", "router.php");
        var port = ChildProcess.FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        _php = ChildProcess.Start("php", "-S", $"127.0.0.1:{port}", router);
        using var http = new HttpClient();
        await Wait.UntilServingAsync(
            async () => _php.HasExited
                ? throw new InvalidOperationException($"php -S exited with {_php.ExitCode}: install php-cli and php-soap (test.sh does).")
                : (await http.GetAsync(new Uri(BaseAddress, "/encoded?wsdl"))).IsSuccessStatusCode,
            "php -S serving the SoapServer peers");
    }

    public Task DisposeAsync()
    {
        if (_php is { HasExited: false })
        {
            _php.Kill();
            _php.WaitForExit(5000);
        }

        _php?.Dispose();
        return Task.CompletedTask;
    }
}
