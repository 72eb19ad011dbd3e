using System.Xml;

namespace SoapMiddleware.Client.Wsdl;

/// <summary>A declared fault: its name, its message and the element its detail carries.</summary>
public sealed class WsdlFault
{
    /// <summary>The fault's name in the operation.</summary>
    public required string Name { get; init; }

    /// <summary>The qualified name of its <c>wsdl:message</c>.</summary>
    public required XmlQualifiedName Message { get; init; }

    /// <summary>The message's part: the detail's element (or, in RPC style, type); null when the message is not found.</summary>
    public required WsdlPart? Detail { get; init; }

    /// <summary>Literal or encoded (<c>soap:fault use</c>).</summary>
    public required BodyUse Use { get; init; }
}
