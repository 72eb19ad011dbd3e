using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SoapMiddleware.Dashboard.Tests.Infrastructure;

/// <summary>
/// Another site: a tiny Kestrel on another 127.0.0.1 port (another origin) serving one page of the test's choosing,
/// the way an attacker's page would reach an operator's browser.
/// </summary>
public sealed class CrossSiteServer : IAsyncDisposable
{
    private WebApplication _app = null!;

    public Uri PageUrl { get; private set; } = null!;

    public static async Task<CrossSiteServer> StartAsync(string html)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = new CrossSiteServer { _app = builder.Build() };
        server._app.MapGet("/", () => Results.Content(html, "text/html; charset=utf-8"));
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.PageUrl = new Uri(address + "/");
        return server;
    }

    /// <summary>
    /// A page that, once loaded, submits a form POST to <paramref name="target"/>, as a cross-site attack would (after
    /// its load event, so the test's navigation to it completes first).
    /// </summary>
    public static string AutoSubmittingForm(Uri target)
        => $"""
           <!DOCTYPE html>
           <html><body>
           <form id="f" method="post" action="{System.Net.WebUtility.HtmlEncode(target.ToString())}" enctype="application/x-www-form-urlencoded"><input name="x" value="1"></form>
           <script>window.addEventListener("load", () => setTimeout(() => document.getElementById("f").submit(), 50));</script>
           </body></html>
           """;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
