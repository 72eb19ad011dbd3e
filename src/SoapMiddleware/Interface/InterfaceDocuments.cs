using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using SoapMiddleware.Interface.Wsdl;

namespace SoapMiddleware.Interface;

/// <summary>
/// An application's interface documents, built once on first use and cached as bytes (Spyne's
/// <c>build_interface_document</c> / <c>get_interface_document</c>). The WSDL is cached with a placeholder address
/// so one build serves every host name a request may arrive on. <c>interface_document_built</c> fires once, with the
/// document in <see cref="MethodContext.OutDocument"/>, before it is cached, so a listener may amend it.
/// </summary>
internal sealed class InterfaceDocuments(RpcApplication application)
{
    private const string AddressPlaceholder = "urn:soapmiddleware:address-placeholder";
    private readonly SemaphoreSlim _build = new(1, 1);
    private string? _wsdl;
    private byte[]? _xsd;

    /// <summary>The WSDL with <paramref name="address"/> in every <c>soap:address</c>.</summary>
    public async ValueTask<byte[]> GetWsdlAsync(string address, HttpContext http)
    {
        var wsdl = _wsdl ?? await BuildAsync(http).ConfigureAwait(false);
        return Encoding.UTF8.GetBytes(wsdl.Replace(AddressPlaceholder, System.Security.SecurityElement.Escape(address), StringComparison.Ordinal));
    }

    /// <summary>The XSD alone.</summary>
    public async ValueTask<byte[]> GetXsdAsync(HttpContext http)
    {
        if (_xsd is null)
        {
            await BuildAsync(http).ConfigureAwait(false);
        }

        return _xsd!;
    }

    private async Task<string> BuildAsync(HttpContext http)
    {
        await _build.WaitAsync(http.RequestAborted).ConfigureAwait(false);
        try
        {
            if (_wsdl is not null)
            {
                return _wsdl;
            }

            var schema = WsdlBuilder.BuildSchema(application);
            var context = application.CreateContext(new HttpRpcTransport(http), http.RequestServices, ReadOnlyMemory<byte>.Empty, null, null, http.RequestAborted);
            context.OutDocument = WsdlBuilder.Build(application, new XElement(schema), AddressPlaceholder);
            await application.Pipeline.Events.FireAsync(RpcEventNames.InterfaceDocumentBuilt, context).ConfigureAwait(false);
            _xsd = Encoding.UTF8.GetBytes(Serialize(new XDocument(schema)));
            return _wsdl = Serialize(context.OutDocument);
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
