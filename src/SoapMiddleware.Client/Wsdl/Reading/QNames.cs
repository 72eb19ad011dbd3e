using System.Xml;
using System.Xml.Linq;
using SoapMiddleware.Client.Wsdl.Schema;

namespace SoapMiddleware.Client.Wsdl.Reading;

/// <summary>Reads a <c>prefix:local</c> attribute value as a qualified name in the scope of its element.</summary>
internal sealed class QNames(WarningSink warnings)
{
    /// <summary>The attribute's qualified name; null when absent. An undeclared prefix is a warning and an empty namespace.</summary>
    public XmlQualifiedName? Read(XElement element, string attribute, Uri document)
    {
        var value = element.Attribute(attribute)?.Value;
        return value is null ? null : Parse(element, value.Trim(), document);
    }

    /// <summary>
    /// A reference from one WSDL definition to another (a binding's port type, a port's binding, a message). Written
    /// without a prefix where the default namespace is WSDL's own (which defines no such names) or none, it means the
    /// document's target namespace, as zeep and most readers take it.
    /// </summary>
    public XmlQualifiedName? ReadReference(XElement element, string attribute, Uri document)
    {
        var name = Read(element, attribute, document);
        if (name is not null && !element.Attribute(attribute)!.Value.Contains(':', StringComparison.Ordinal)
            && (name.Namespace.Length == 0 || name.Namespace == WsdlNames.Wsdl.NamespaceName))
        {
            return new XmlQualifiedName(name.Name, element.Document?.Root?.Attribute("targetNamespace")?.Value ?? "");
        }

        return name;
    }

    public XmlQualifiedName Parse(XElement scope, string value, Uri document)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var local = colon < 0 ? value : value[(colon + 1)..];
        string ns;
        if (colon < 0)
        {
            ns = scope.GetDefaultNamespace().NamespaceName;
        }
        else
        {
            var prefix = value[..colon];
            var declared = scope.GetNamespaceOfPrefix(prefix);
            if (declared is null)
            {
                warnings.Add($"prefix '{prefix}' of '{value}' is not declared; read as no namespace", document, scope);
            }

            ns = declared?.NamespaceName ?? "";
        }

        // The 1999 and 2000/10 drafts of XML Schema name the same built-in types.
        return new XmlQualifiedName(local, XsdNames.IsXsd(ns) ? XsdNames.Xsd : ns);
    }
}
