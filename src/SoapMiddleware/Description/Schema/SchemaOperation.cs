using System.Xml.Linq;

namespace SoapMiddleware.Description.Schema;

/// <summary>
/// An operation of a description built from a schema: its action, the request and response messages, faults, and the
/// SOAP binding's style and use. A message with a wrapper element (document/literal wrapped, rpc) names it; a bare
/// one (document/literal bare) has none, and its parts are the body's elements.
/// </summary>
/// <param name="name">The operation name, unique in its description.</param>
public sealed class SchemaOperation(string name)
{
    /// <summary>The operation name.</summary>
    public string Name { get; } = name ?? throw new ArgumentNullException(nameof(name));

    /// <summary>The SOAPAction (<c>soap:operation/@soapAction</c>); empty when the binding declares none.</summary>
    public string Action { get; init; } = "";

    /// <summary>The request's wrapper element, or null for a bare request.</summary>
    public XName? RequestElement { get; init; }

    /// <summary>The request's parts, in wire order: the call's parameters.</summary>
    public IReadOnlyList<SchemaMember> RequestParts { get; init; } = [];

    /// <summary>The response's wrapper element, or null for a bare response (or a one-way operation).</summary>
    public XName? ResponseElement { get; init; }

    /// <summary>
    /// The response's parts: none for an operation that returns nothing, one whose value is the result, or several,
    /// read into one <see cref="RpcRecord"/> of them.
    /// </summary>
    public IReadOnlyList<SchemaMember> ResponseParts { get; init; } = [];

    /// <summary>
    /// The SOAP headers the request carries (<c>soap:header</c> in the binding's input): each the header's element and
    /// type; one that is not <see cref="SchemaMember.IsOptional"/> must be given on every call. A call gives their
    /// values as <see cref="Protocols.RpcHeaderValue"/>s, by element name.
    /// </summary>
    public IReadOnlyList<SchemaMember> RequestHeaders { get; init; } = [];

    /// <summary>The SOAP headers the response may carry (<c>soap:header</c> in the binding's output), read by element name.</summary>
    public IReadOnlyList<SchemaMember> ResponseHeaders { get; init; } = [];

    /// <summary>The declared faults.</summary>
    public IReadOnlyList<SchemaFault> Faults { get; init; } = [];

    /// <summary>The binding's style; default <see cref="RpcBindingStyle.Document"/>.</summary>
    public RpcBindingStyle Style { get; init; }

    /// <summary>The binding's use; default <see cref="RpcBodyUse.Literal"/>.</summary>
    public RpcBodyUse Use { get; init; }

    /// <summary>Whether the operation has no response at all (a WSDL one-way operation).</summary>
    public bool IsOneWay { get; init; }
}
