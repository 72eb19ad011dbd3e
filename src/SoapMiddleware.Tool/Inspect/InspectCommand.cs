using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using SoapMiddleware.Client.Wsdl;
using SoapMiddleware.Client.Wsdl.Caching;

namespace SoapMiddleware.Tool.Inspect;

/// <summary><c>soapmw inspect &lt;url-or-file&gt; [--json] [--offline] [--cache-dir DIR]</c>: the services, ports and operations of a WSDL.</summary>
internal static class InspectCommand
{
    public static Command Create()
    {
        var location = new Argument<string>("url-or-file") { Description = "The WSDL: an http(s) URL or a file path." };
        var json = new Option<bool>("--json") { Description = "Print JSON (services, ports, operations with parameters and faults, warnings) instead of text." };
        var offline = new Option<bool>("--offline") { Description = "Read local files only: a URL, or an import of one, is refused (reported as a warning for an import)." };
        var cacheDir = new Option<string?>("--cache-dir") { Description = "Keep the parsed description in this folder (each OS user in an owner-only subfolder of it), so the next inspect of an unchanged WSDL skips parsing." };
        var command = new Command("inspect", "Print the services, ports and operations of a WSDL with their signatures, and what could not be read.")
        {
            location,
            json,
            offline,
            cacheDir,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetRequiredValue(location), parse.GetValue(json), parse.GetValue(offline), parse.GetValue(cacheDir), Console.Out, Console.Error, cancellationToken));
        return command;
    }

    /// <summary>Imports the WSDL and prints it; 0 when it was read (even with warnings), 1 with the reason on <paramref name="error"/> otherwise.</summary>
    public static async Task<int> RunAsync(
        string location, bool json, bool offline, string? cacheDirectory, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        IWsdlDocumentResolver resolver = offline ? new FileDocumentResolver() : new HttpDocumentResolver(http, _ => true);
        // What the cache skips (a folder another user owns, a damaged entry) is a warning on standard error, never a failure.
        using var logging = LoggerFactory.Create(logs => logs.AddSimpleConsole(console => console.SingleLine = true)
            .AddFilter((_, level) => level >= LogLevel.Warning)
            .Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        var cache = cacheDirectory is null
            ? WsdlDescriptionCache.Shared
            : new WsdlDescriptionCache(new WsdlCacheOptions { Directory = cacheDirectory }, logging.CreateLogger<WsdlDescriptionCache>());
        WsdlDescription description;
        try
        {
            description = await new WsdlImporter(new WsdlImportOptions { Resolver = resolver, Cache = cache }).ImportAsync(ToUri(location), cancellationToken);
        }
        catch (WsdlImportException e)
        {
            await error.WriteLineAsync($"soapmw: {e.Message}");
            return 1;
        }

        var report = new DescriptionReport(description);
        if (json)
        {
            JsonReport.Write(report, output);
        }
        else
        {
            TextReport.Write(report, output);
        }

        return 0;
    }

    private static Uri ToUri(string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "file"
            ? uri
            : new Uri(Path.GetFullPath(location));
}
