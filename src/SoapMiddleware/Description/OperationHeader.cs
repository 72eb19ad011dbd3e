using System.Xml.Linq;
using SoapMiddleware.Model;

namespace SoapMiddleware.Description;

/// <summary>
/// A typed SOAP header declared on an operation or its service: by <see cref="RpcHeaderAttribute"/> (its value found
/// by type in <see cref="MethodContext"/>), or by a member of a contract message (<see cref="ContractPart"/>).
/// </summary>
internal sealed record OperationHeader(XName Element, RpcType Type, RpcHeaderDirection Direction, bool Required)
{
    /// <summary>The contract message member that holds the header's value, when a contract message declares it.</summary>
    public ContractMessagePart? ContractPart { get; init; }

    public bool IsIn => Direction is RpcHeaderDirection.In or RpcHeaderDirection.InOut;

    public bool IsOut => Direction is RpcHeaderDirection.Out or RpcHeaderDirection.InOut;

    /// <summary>Whether the response marks the header <c>mustUnderstand</c> (a contract header declared so).</summary>
    public bool MustUnderstand => ContractPart?.MustUnderstand == true;

    /// <summary>
    /// Where a request's value is kept in <see cref="MethodContext"/>: under its type for <see cref="RpcHeaderAttribute"/>
    /// headers (so <see cref="MethodContext.GetInHeader{T}"/> finds it), under its member for a contract's headers,
    /// several of which may share a type.
    /// </summary>
    public object Key => (object?)ContractPart ?? Type.ClrType;
}
