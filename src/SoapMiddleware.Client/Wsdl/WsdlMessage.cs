using System.Xml;

namespace SoapMiddleware.Client.Wsdl;

/// <summary>The input or output of an operation: the <c>wsdl:message</c> parts in the body, and the header parts.</summary>
public sealed class WsdlMessage
{
    /// <summary>The qualified name of the <c>wsdl:message</c> (empty for HTTP bindings without one).</summary>
    public required XmlQualifiedName Message { get; init; }

    /// <summary>The parts carried in the body (those named by <c>soap:body parts</c>, else all), in message order.</summary>
    public required IReadOnlyList<WsdlPart> Body { get; init; }

    /// <summary>The parts carried as SOAP headers (<c>soap:header</c>), each possibly from another message.</summary>
    public required IReadOnlyList<WsdlPart> Headers { get; init; }

    /// <summary>Literal or encoded (<c>soap:body use</c>).</summary>
    public required BodyUse Use { get; init; }

    /// <summary>The <c>namespace</c> of <c>soap:body</c>: the RPC wrapper's namespace; null when absent.</summary>
    public required string? Namespace { get; init; }
}
