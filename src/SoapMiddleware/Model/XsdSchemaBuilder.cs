using System.Xml.Linq;

namespace SoapMiddleware.Model;

/// <summary>Writes the XSD of a type model: message elements, extra elements (headers, fault details) and named types.</summary>
internal static class XsdSchemaBuilder
{
    public static XElement Build(TypeModel model, IEnumerable<RpcMessage> messages, IEnumerable<(XName Element, RpcType Type)> extraElements)
        => throw new NotImplementedException();
}
