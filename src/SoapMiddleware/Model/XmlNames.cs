using System.Xml;
using System.Xml.Linq;

namespace SoapMiddleware.Model;

/// <summary>Names and formatting shared by the reader, the writer and the schema builder.</summary>
internal static class XmlNames
{
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public static readonly XName Nil = Xsi + "nil";

    public static readonly XNamespace Xs = PrimitiveCodecs.Xsd;

    /// <summary>The name as a reader of the WSDL sees it: <c>xs:int</c>, <c>tns:Order</c>.</summary>
    public static string Display(XmlQualifiedName name) => (name.Namespace == PrimitiveCodecs.Xsd ? "xs:" : "tns:") + name.Name;

    /// <summary>
    /// The namespace of a standalone element of <paramref name="type"/> (a fault detail), as DataContractSerializer
    /// names it: the type's own namespace; a primitive, whose type namespace is XSD's, in the target namespace.
    /// </summary>
    public static XNamespace ElementNamespaceOf(RpcType type, string targetNamespace)
        => XNamespace.Get(type.Kind == RpcTypeKind.Primitive ? targetNamespace : type.SchemaName.Namespace);

    public static bool IsNil(XElement element)
    {
        var attribute = element.Attribute(Nil);
        return attribute is not null && (attribute.Value == "true" || attribute.Value == "1");
    }
}
