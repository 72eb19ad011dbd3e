using System.Xml;
using SoapMiddleware.Client.Wsdl.Caching;
using SoapMiddleware.Client.Wsdl.Reading;

namespace SoapMiddleware.Client.Wsdl;

/// <summary>
/// Reads a WSDL 1.1 document, the documents it imports (through <see cref="WsdlImportOptions.Resolver"/>) and their XML
/// schemas into a <see cref="WsdlDescription"/>. What it does not support is a warning with its location; a document it
/// cannot read, a hostile one or a limit exceeded is a <see cref="WsdlImportException"/>. One instance may import
/// concurrently; each import has its own state. A description read before comes from <see cref="WsdlImportOptions.Cache"/>
/// when none of its documents changed.
/// </summary>
public sealed class WsdlImporter
{
    private readonly WsdlImportOptions _options;

    /// <summary>An importer with the given options (local files only and the default limits when null).</summary>
    public WsdlImporter(WsdlImportOptions? options = null) => _options = options ?? new WsdlImportOptions();

    /// <summary>Imports the WSDL at <paramref name="location"/> (an absolute URI: <c>file:</c>, or <c>http(s):</c> when the resolver allows it).</summary>
    /// <exception cref="WsdlImportException">The main document cannot be read or is not a WSDL, or a document is hostile or over a limit.</exception>
    public async Task<WsdlDescription> ImportAsync(Uri location, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (!location.IsAbsoluteUri)
        {
            throw new ArgumentException("The WSDL's location must be an absolute URI (file:, http: or https:).", nameof(location));
        }

        var warnings = new WarningSink();
        var loader = new DocumentLoader(_options, warnings);
        try
        {
            using var main = await loader.ReadMainAsync(location, cancellationToken).ConfigureAwait(false);
            var cache = _options.Cache;
            var key = cache is null ? "" : WsdlDescriptionCache.KeyOf(location, main.Hash, _options);
            if (cache is not null && await cache.FindAsync(key, _options, cancellationToken).ConfigureAwait(false) is { } cached)
            {
                return cached;
            }

            var root = await loader.LoadAllAsync(main, cancellationToken).ConfigureAwait(false);
            var description = Build(root, loader, warnings);
            cache?.Store(new CacheEntry(key, loader.Fingerprints(), description));
            return description;
        }
        catch (FatalImportException e)
        {
            throw new WsdlImportException(e.Message, e);
        }
    }

    private static WsdlDescription Build(LoadedDocument root, DocumentLoader loader, WarningSink warnings)
    {
        if (root.Document.Root is not { } element || element.Name != WsdlNames.Definitions)
        {
            var name = root.Document.Root?.Name;
            throw new WsdlImportException(
                $"{root.Location} is not a WSDL 1.1 document: its root element is {{{name?.NamespaceName}}}{name?.LocalName}, not wsdl:definitions ({WsdlNames.Wsdl.NamespaceName}).");
        }

        var names = new QNames(warnings);
        var definitions = new Definitions();
        var schemas = new SchemaReader(loader.Documents, loader, names, warnings);
        var wsdlReader = new DefinitionsReader(definitions, names, warnings);
        var visited = new HashSet<Uri>();
        ReadWsdl(root, loader, wsdlReader, schemas, warnings, visited);

        var schemaSet = schemas.ToSchemaSet();
        ReferenceChecker.Check(definitions, schemaSet, warnings);
        var builder = new PortBuilder(definitions, schemaSet, warnings);
        return new WsdlDescription
        {
            Location = root.Location,
            TargetNamespace = element.Attribute("targetNamespace")?.Value ?? "",
            Services = definitions.Services.Select(builder.Build).ToList(),
            Schemas = schemaSet,
            Documents = loader.Documents.Keys.ToList(),
            Warnings = warnings.Warnings,
        };
    }

    // Depth first over wsdl:import, bounded by the loader's limits; an imported document is a WSDL or a schema.
    private static void ReadWsdl(
        LoadedDocument document, DocumentLoader loader, DefinitionsReader wsdlReader, SchemaReader schemas, WarningSink warnings, HashSet<Uri> visited)
    {
        if (!visited.Add(document.Location))
        {
            return;
        }

        var root = document.Document.Root!;
        foreach (var import in root.Elements(WsdlNames.Import))
        {
            if (import.Attribute("location")?.Value is { Length: > 0 } location
                && loader.Resolve(document.Location, location, import) is { } uri
                && loader.Documents.TryGetValue(uri, out var imported))
            {
                if (imported.Document.Root!.Name == WsdlNames.Definitions)
                {
                    ReadWsdl(imported, loader, wsdlReader, schemas, warnings, visited);
                }
                else if (XsNames.IsSchema(imported.Document.Root))
                {
                    schemas.ReadDocument(imported, null);
                }
                else
                {
                    warnings.Add($"{location} is neither a WSDL nor a schema; skipped", document.Location, import);
                }
            }
        }

        foreach (var types in root.Elements(WsdlNames.Types))
        {
            foreach (var schema in types.Elements())
            {
                if (XsNames.IsSchema(schema))
                {
                    schemas.Read(schema, document.Location);
                }
                else
                {
                    warnings.Add($"{schema.Name} in wsdl:types is not an XML schema; skipped", document.Location, schema);
                }
            }
        }

        wsdlReader.Read(root, document.Location);
    }
}
