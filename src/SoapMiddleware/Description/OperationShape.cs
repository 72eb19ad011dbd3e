using System.Reflection;

namespace SoapMiddleware.Description;

/// <summary>
/// What a contract says about one operation beyond its method: names, action, faults, headers, message contracts, error
/// mapping. An <see cref="IServiceContractReader"/> fills one per method for <see cref="ServiceContractContext.AddOperation"/>;
/// what it leaves unset is as an <see cref="RpcMethodAttribute"/> method has it.
/// </summary>
/// <param name="name">The operation name, unique in its description.</param>
/// <param name="action">The SOAPAction that routes to it.</param>
public sealed class OperationShape(string name, string action)
{
    /// <summary>The operation name, unique in its description; the request's wrapper element unless <see cref="RequestContract"/> names it, and <c>{Name}Response</c> the response's.</summary>
    public string Name { get; } = name ?? throw new ArgumentNullException(nameof(name));

    /// <summary>The SOAPAction that routes to the operation.</summary>
    public string Action { get; } = action ?? throw new ArgumentNullException(nameof(action));

    /// <summary>The fault detail types declared for the operation (WSDL <c>wsdl:fault</c>).</summary>
    public IReadOnlyList<Type> FaultDetailTypes { get; init; } = [];

    /// <summary>The typed headers declared for the operation.</summary>
    public IReadOnlyList<RpcHeaderAttribute> Headers { get; init; } = [];

    /// <summary>The wire name of a parameter; its CLR name when null.</summary>
    public Func<ParameterInfo, string>? ParameterName { get; init; }

    /// <summary>The result part's name; <c>{Name}Result</c> when null.</summary>
    public string? ResultName { get; init; }

    /// <summary>
    /// Whether every part that can be null is optional and nillable, whatever its nullability annotation (WCF clients
    /// send a null string as <c>xsi:nil</c>); value-type parts stay required, so <c>&lt;Add/&gt;</c> is still a Client fault.
    /// </summary>
    public bool NillableReferenceParts { get; init; }

    /// <summary>Whether the caller expects no response at all (WCF <c>IsOneWay</c>).</summary>
    public bool IsOneWay { get; init; }

    /// <summary>
    /// The request declared by a contract type (a WCF message contract): the method's one wire parameter is that type,
    /// its body members are the request's parts and its header members the request's headers.
    /// </summary>
    public ContractMessage? RequestContract { get; init; }

    /// <summary>The response declared by the contract type the method returns: its body members and headers.</summary>
    public ContractMessage? ResponseContract { get; init; }

    /// <summary>Turns an exception of the contract's own model (WCF's <c>FaultException</c>) into an <see cref="RpcFault"/>.</summary>
    public Func<Exception, Exception>? TranslateError { get; init; }
}
