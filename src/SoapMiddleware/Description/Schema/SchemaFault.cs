using System.Xml.Linq;

namespace SoapMiddleware.Description.Schema;

/// <summary>A fault an operation declares (WSDL <c>wsdl:fault</c>): the detail's element and its type.</summary>
/// <param name="name">The fault's name in the WSDL.</param>
/// <param name="element">The detail's element name.</param>
/// <param name="type">The detail's type: read into an <see cref="RpcRecord"/> (or a primitive) as <see cref="RpcFaultException"/>'s detail.</param>
public sealed class SchemaFault(string name, XName element, SchemaType type)
{
    /// <summary>The fault's name.</summary>
    public string Name { get; } = name ?? throw new ArgumentNullException(nameof(name));

    /// <summary>The detail's element name.</summary>
    public XName Element { get; } = element ?? throw new ArgumentNullException(nameof(element));

    /// <summary>The detail's type.</summary>
    public SchemaType Type { get; } = type ?? throw new ArgumentNullException(nameof(type));
}
