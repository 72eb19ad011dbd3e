using SoapMiddleware.ServiceModel.Tests.SoapCorePeer.Wsdl;

namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer;

/// <summary>
/// The differences between our WSDL and SoapCore's for <see cref="MessageContracts.ITicketDesk"/>, beyond
/// <see cref="SoapCoreWsdlAllowList"/>. SoapCore 1.2.1.18 (both serializer modes) describes a message contract as a
/// data contract: one parameter of an operation wrapper, its headers and body members as one sequence, no soap:header.
/// That is not what is exchanged: a WCF client sends the contract's own wrapper element in the Body and its headers in
/// the soap:Header (SoapCore reads that request too), and expects the response contract's wrapper back
/// (<c>WcfClient_MessageContracts_SoapCoreAndMapRpc_SameResults</c>, <see cref="SoapCoreDeviations"/>). Our WSDL
/// describes those messages, as WCF's does; a proxy generated from SoapCore's WSDL would send requests that neither
/// host reads as it means, so nothing here can break a client that works today.
/// </summary>
internal static class SoapCoreMessageContractAllowList
{
    private const string ClrNamespace = @"http://schemas\.datacontract\.org/2004/07/SoapMiddleware\.ServiceModel\.Tests\.MessageContracts";
    private const string SoapCoreWrappers = "Open|OpenResponse|Status|StatusResponse|Close|Peek|PeekResponse|File|FileResponse";
    private const string ContractWrappers = "TicketRequest|OpenTicketResponse|StatusQuery|Status|PeekRequest|Ticket|Receipt";
    private const string Headers = "Tenant|Channel|priority|Trace|TicketId|Queue|ReplyTrace|Session|Number";

    /// <summary>The entries; each names the elements of this contract it covers.</summary>
    public static IReadOnlyList<WsdlAllowance> Entries { get; } =
    [
        new("SoapCore", $@"element tns:({SoapCoreWrappers}) .*", "SoapCore's operation wrapper holding the message contract as one parameter; the Body holds the contract's own wrapper instead"),
        new("SoapCore", $@"portType operation \w+ (input|output) = part parameters element=tns:({SoapCoreWrappers})", "SoapCore's message part: its operation wrapper, not the contract's"),
        new("ours", $@"portType operation \w+ (input|output) = part parameters element=tns:({ContractWrappers})", "the message part is the contract's wrapper element (WrapperName, or the type's name), as WCF sends it"),
        new("ours", $@"element tns:({ContractWrappers}) .*", "a message contract's wrapper element (its body members in WCF's order: Order, then name), or an unwrapped contract's body member element (its data members)"),
        new("SoapCore", $@"(complexType|element) \{{{ClrNamespace}\}}\w+.*", "the message contract types as data contracts in their CLR namespace, which no message on the wire uses"),
        new("SoapCore", $@"schema {ClrNamespace} .*|schema \S+ imports {ClrNamespace}", "the schema of those data contracts"),
        new("SoapCore", @"binding soap11 operation \w+ (input|output): body use=literal", "SoapCore declares no soap:header for the contract's header members"),
        new("ours", $@"binding soap11 operation (\w+) (input|output): (header message=tns:({Headers})Header part=({Headers}) use=literal; )+body use=literal", "the contract's header members as soap:header parts, as WCF declares them", "binding soap11 operation $1 $2: body use=literal"),
        new("ours", $@"element tns:({Headers}) type=\S+", "the element of a header member, in the contract's namespace under its [MessageHeader] name"),
    ];
}
