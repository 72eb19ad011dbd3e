using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SoapMiddleware.Dashboard.Tests.Infrastructure;

/// <summary>
/// Another site: a tiny Kestrel on another 127.0.0.1 port (another origin) serving one page of the test's choosing,
/// the way an attacker's page would reach an operator's browser.
/// </summary>
public sealed class CrossSiteServer : IAsyncDisposable
{
    private KestrelApp _app = null!;

    public Uri PageUrl { get; private set; } = null!;

    public static async Task<CrossSiteServer> StartAsync(string html)
    {
        var app = KestrelApp.CreateBuilder().Build();
        app.MapGet("/", () => Results.Content(html, "text/html; charset=utf-8"));
        var server = new CrossSiteServer { _app = await KestrelApp.StartAsync(app) };
        server.PageUrl = server._app.Url("/");
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

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
