using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace SoapMiddleware.Dashboard.Page;

/// <summary>
/// The dashboard page, read once from the embedded <c>dashboard.html</c>. Its inline style and script are allowed by
/// their SHA-256 hashes, so the Content-Security-Policy forbids every other script, style, font, frame and origin.
/// </summary>
internal sealed class DashboardPage
{
    public const string ResourceName = "SoapMiddleware.Dashboard.dashboard.html";
    private const string ApiPlaceholder = "{{API_PATH}}";

    public static readonly DashboardPage Instance = new(ReadResource());

    private readonly string _html;

    public DashboardPage(string html)
    {
        _html = html;
        ContentSecurityPolicy = string.Join("; ",
            "default-src 'none'",
            $"script-src '{Hash(Between(html, "<script>", "</script>"))}'",
            $"style-src '{Hash(Between(html, "<style>", "</style>"))}'",
            "connect-src 'self'",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'");
    }

    /// <summary>The policy sent with the page: only its own inline script and style, and requests to its own origin.</summary>
    public string ContentSecurityPolicy { get; }

    /// <summary>The page for one request, with the API path (below the request's path base) in its <c>rpc-api</c> meta tag.</summary>
    public IResult Render(HttpContext http, string apiPath)
    {
        var api = apiPath.StartsWith('/') ? http.Request.PathBase.Add(new PathString(apiPath.TrimEnd('/'))).Value! : apiPath.TrimEnd('/');
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        return Results.Content(_html.Replace(ApiPlaceholder, HtmlEncoder.Default.Encode(api), StringComparison.Ordinal), "text/html; charset=utf-8");
    }

    private static string Hash(string content) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    private static string Between(string html, string open, string close)
    {
        var start = html.IndexOf(open, StringComparison.Ordinal);
        var end = start < 0 ? -1 : html.IndexOf(close, start, StringComparison.Ordinal);
        if (start < 0 || end < 0 || html.IndexOf(open, end, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"The dashboard page must hold exactly one {open} element.");
        }

        return html[(start + open.Length)..end];
    }

    private static string ReadResource()
    {
        using var stream = typeof(DashboardPage).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
