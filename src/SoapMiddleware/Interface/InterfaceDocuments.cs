using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using SoapMiddleware.Description;
using SoapMiddleware.Events;
using SoapMiddleware.Interface.Wsdl;
using SoapMiddleware.Protocols.Soap;

namespace SoapMiddleware.Interface;

/// <summary>
/// A description's interface documents, built on first use and cached as text (Spyne's
/// <c>build_interface_document</c> / <c>get_interface_document</c>). The WSDL describes the SOAP versions the endpoint
/// serves, so it is built once per set of versions (at most three: 1.1, 1.2, both) and cached with a placeholder
/// address, so one build serves every endpoint and host name a request may arrive on. <c>interface_document_built</c>
/// fires once per WSDL built, with the document in <see cref="MethodContext.OutDocument"/>, before it is cached, so a
/// listener may amend it.
/// </summary>
internal sealed class InterfaceDocuments(RpcDescription description, RpcEventDispatcher events)
{
    private const string AddressPlaceholder = "urn:soapmiddleware:address-placeholder";
    private readonly SemaphoreSlim _build = new(1, 1);

    // Indexed by the set of SOAP versions: 1 = SOAP 1.1, 2 = SOAP 1.2, 3 = both.
    private readonly string?[] _wsdl = new string?[4];
    private IReadOnlyList<XElement>? _schemas;
    private byte[]? _xsd;

    /// <summary>The WSDL with a binding and port for each of <paramref name="versions"/>, <paramref name="address"/> in every <c>soap:address</c>.</summary>
    public async ValueTask<byte[]> GetWsdlAsync(string address, IReadOnlyCollection<SoapVersion> versions, HttpContext http)
    {
        var key = KeyOf(versions);
        var wsdl = Volatile.Read(ref _wsdl[key]) ?? await BuildWsdlAsync(key, versions, http).ConfigureAwait(false);
        return Encoding.UTF8.GetBytes(wsdl.Replace(AddressPlaceholder, System.Security.SecurityElement.Escape(address), StringComparison.Ordinal));
    }

    /// <summary>The XSD of the target namespace (the WSDL also holds the schemas of the data contracts' own namespaces).</summary>
    public async ValueTask<byte[]> GetXsdAsync(HttpContext http)
    {
        if (Volatile.Read(ref _xsd) is { } xsd)
        {
            return xsd;
        }

        await _build.WaitAsync(http.RequestAborted).ConfigureAwait(false);
        try
        {
            EnsureSchemas();
            return _xsd!;
        }
        finally
        {
            _build.Release();
        }
    }

    private static int KeyOf(IReadOnlyCollection<SoapVersion> versions)
        => (versions.Contains(SoapVersion.Soap11) ? 1 : 0) | (versions.Contains(SoapVersion.Soap12) ? 2 : 0);

    /// <summary>Builds the schemas and the XSD bytes once; the caller holds <see cref="_build"/>.</summary>
    private IReadOnlyList<XElement> EnsureSchemas()
    {
        if (_schemas is null)
        {
            var schemas = WsdlBuilder.BuildSchemas(description);
            Volatile.Write(ref _xsd, Encoding.UTF8.GetBytes(Serialize(new XDocument(new XElement(schemas[0])))));
            _schemas = schemas;
        }

        return _schemas;
    }

    private async Task<string> BuildWsdlAsync(int key, IReadOnlyCollection<SoapVersion> versions, HttpContext http)
    {
        await _build.WaitAsync(http.RequestAborted).ConfigureAwait(false);
        try
        {
            if (_wsdl[key] is { } built)
            {
                return built;
            }

            var context = new MethodContext(description, new HttpRpcTransport(http), http.RequestServices, http.RequestAborted);
            context.OutDocument = WsdlBuilder.Build(description, EnsureSchemas().Select(s => new XElement(s)), AddressPlaceholder, versions);
            await events.FireAsync(RpcEventNames.InterfaceDocumentBuilt, context).ConfigureAwait(false);
            var wsdl = Serialize(context.OutDocument);
            Volatile.Write(ref _wsdl[key], wsdl);
            return wsdl;
        }
        finally
        {
            _build.Release();
        }
    }

    private static string Serialize(XDocument document)
    {
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(builder, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true }))
        {
            document.Save(writer);
        }

        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + builder;
    }
}
