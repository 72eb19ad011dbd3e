using SoapMiddleware.ServiceModel.Tests.SoapCorePeer.Wsdl;

namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer;

/// <summary>
/// The deliberate differences between our WSDL and SoapCore's (DataContractSerializer mode) for the calculator
/// contract, each with the reason a client generated from SoapCore's WSDL keeps working against ours, unchanged and
/// regenerated. Anything not listed fails
/// <see cref="SoapCorePeerTests.Wsdl_MapRpcAgainstSoapCore_OnlyAllowListedDifferences"/>: names a regenerated proxy
/// is built from (portType, binding, port), element shapes and soapActions are not listed on purpose.
/// </summary>
internal static class SoapCoreWsdlAllowList
{
    private const string Serialization = @"\{http://schemas\.microsoft\.com/2003/10/Serialization/\}";

    /// <summary>The entries.</summary>
    public static IReadOnlyList<WsdlAllowance> Entries { get; } =
    [
        // SOAP 1.2: we serve SOAP 1.1 and 1.2 at the same address and describe both; SoapCore needs a second endpoint
        // for 1.2. A SOAP 1.1 client (BasicHttpBinding) picks the soap11 binding and never sees these.
        new("ours", @"binding soap12 .*", "our extra SOAP 1.2 binding (same address, same operations and soapActions)"),
        new("ours", @"service port soap12 .*", "the port of our extra SOAP 1.2 binding"),

        // DataContractSerializer boilerplate: the schema of its primitive types and the imports of namespaces this
        // contract never uses. No message refers to them, so svcutil generates nothing from them.
        new("SoapCore", @"schema http://schemas\.microsoft\.com/2003/10/Serialization/(Arrays)? .*", "DataContractSerializer's own schemas, referenced by no message of this contract"),
        new("SoapCore", @"element " + Serialization + @"\w+ type=.*", "DataContractSerializer's primitive elements, referenced by no message"),
        new("SoapCore", @"simpleType " + Serialization + @"\w+ .*", "DataContractSerializer's char/duration/guid types, used by no member of this contract"),
        new("SoapCore", @"schema http://example\.com/calculator imports http://schemas\.(datacontract\.org/2004/07/System|microsoft\.com/2003/10/Serialization/Arrays)", "imports of namespaces no member of this contract uses"),

        // DataContractSerializer also emits a global, nillable element per data contract (for serializing one on its
        // own). No message refers to Order, OrderLine or ArrayOfOrderLine as an element, so no client code comes from them.
        new("SoapCore", @"element tns:(Order|OrderLine|ArrayOfOrderLine) type=tns:\1 nillable", "DataContractSerializer's top-level element per type, referenced by no message"),

        // The fault detail element: both declare tns:DivisionFault of type tns:DivisionFault for wsdl:fault
        // DivisionFaultFault; only SoapCore adds nillable, and a fault detail is never nil, so nothing on the wire or in
        // the generated FaultContract changes.
        new("SoapCore", @"element tns:DivisionFault type=tns:DivisionFault nillable", "the fault detail element, never nil (SoapCore's side)"),
        new("ours", @"element tns:DivisionFault type=tns:DivisionFault", "the fault detail element, never nil (our side)"),

        // Reference-type parts of the wrappers: both nillable (a null string or order is <x i:nil="true"/>), but WCF
        // itself writes them minOccurs="0" and so do we, where SoapCore writes minOccurs="1". Generated code is the same
        // (string, Order), WCF clients always send the element, and ours also accepts it omitted (as null), so this only
        // loosens what is accepted. Listed per element, so a new member with the same difference is looked at anew.
        new("SoapCore", @"element tns:(Echo sequence\[0\] text: xsd:string|EchoResponse sequence\[0\] EchoResult: xsd:string|GetOrderResponse sequence\[0\] GetOrderResult: tns:Order) \[1\.\.1\] nillable", "minOccurs 1 on a nillable reference-type part (SoapCore's side)"),
        new("ours", @"element tns:(Echo sequence\[0\] text: xsd:string|EchoResponse sequence\[0\] EchoResult: xsd:string|GetOrderResponse sequence\[0\] GetOrderResult: tns:Order) \[0\.\.1\] nillable", "minOccurs 0 on a nillable reference-type part, as WCF writes it (our side)"),

        // wsam:Action on portType messages: WS-Addressing actions, carried only in a wsa:Action header. BasicHttpBinding
        // (and a SOAP 1.2 text binding without addressing) neither sends nor checks them; the soapAction each binding
        // operation declares is compared separately and is the same. A regenerated proxy gets ReplyAction = "*", which
        // accepts the same replies.
        new("SoapCore", @"portType operation \w+ (input|output|fault \w+) wsam:Action=.*", "WS-Addressing actions, which we neither send nor require"),
    ];
}
