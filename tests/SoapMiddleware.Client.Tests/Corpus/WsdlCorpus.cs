using SoapMiddleware.Client.Wsdl;
using SoapMiddleware.Client.Wsdl.Caching;

namespace SoapMiddleware.Client.Tests.Corpus;

/// <summary>
/// The corpus of real WSDLs beside the repository (<c>../shared/wsdl_corpus</c>, or <c>SOAPMW_WSDL_CORPUS</c>); it is
/// not part of a clone, so tests that need it are skipped, saying so, where it is absent. Read in place, never copied.
/// </summary>
internal static class WsdlCorpus
{
    /// <summary>The four standard schemas the corpus keeps local copies of, by the URLs documents import them from.</summary>
    private static readonly Dictionary<string, string> WellKnown = new()
    {
        ["http://schemas.xmlsoap.org/soap/encoding/"] = "axis1/axis-rt-core/src/main/resources/org/apache/axis/wsdl/symbolTable/soap-encoding.xsd",
        ["http://www.w3.org/2001/xml.xsd"] = "axis1/axis-rt-core/src/main/resources/org/apache/axis/wsdl/symbolTable/xml.xsd",
        ["https://www.w3.org/2001/xml.xsd"] = "axis1/axis-rt-core/src/main/resources/org/apache/axis/wsdl/symbolTable/xml.xsd",
        ["http://www.w3.org/2009/01/xml.xsd"] = "axis1/axis-rt-core/src/main/resources/org/apache/axis/wsdl/symbolTable/xml.xsd",
        ["http://www.w3.org/2005/05/xmlmime"] = "axis2/modules/adb-codegen/test-resources/std/xmlmime.xsd",
        ["http://www.w3.org/TR/2002/REC-xmldsig-core-20020212/xmldsig-core-schema.xsd"] = "zeep/tests/wsdl_files/xmldsig-core-schema.xsd",
    };

    public static readonly string? Directory = Locate();

    public static string? MissingReason => Directory is null
        ? "the WSDL corpus is absent: it lives beside the repository at ../shared/wsdl_corpus (or set SOAPMW_WSDL_CORPUS), not in a clone"
        : null;

    /// <summary>The top-level WSDLs (role <c>top</c> in PROVENANCE.tsv), as paths relative to the corpus.</summary>
    public static IReadOnlyList<string> TopLevel() =>
        File.ReadLines(Path.Combine(Directory!, "PROVENANCE.tsv")).Skip(1)
            .Select(line => line.Split('\t'))
            .Where(fields => fields.Length >= 6 && fields[5] == "top")
            .Select(fields => fields[0])
            .ToList();

    /// <summary>
    /// Imports one corpus file offline: local files, the well-known schemas from their copies, and no network; parsed
    /// every time unless a <paramref name="cache"/> is given (the timing and corpus tests measure the parser).
    /// </summary>
    public static Task<WsdlDescription> ImportAsync(string relativePath, WsdlDescriptionCache? cache = null) =>
        new WsdlImporter(new WsdlImportOptions { Resolver = new CorpusResolver(), Cache = cache }).ImportAsync(new Uri(Path.Combine(Directory!, relativePath)));

    private static string? Locate()
    {
        if (Environment.GetEnvironmentVariable("SOAPMW_WSDL_CORPUS") is { Length: > 0 } configured)
        {
            return System.IO.Directory.Exists(configured) ? configured : null;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SoapMiddleware.sln")))
            {
                var corpus = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "wsdl_corpus"));
                return System.IO.Directory.Exists(corpus) ? corpus : null;
            }
        }

        return null;
    }

    private sealed class CorpusResolver : IWsdlDocumentResolver
    {
        private readonly FileDocumentResolver _files = new();

        public Task<Stream> OpenAsync(Uri location, CancellationToken cancellationToken) =>
            _files.OpenAsync(
                WellKnown.TryGetValue(location.ToString(), out var local) ? new Uri(Path.Combine(Directory!, local)) : location,
                cancellationToken);
    }
}
