using SoapMiddleware.ServiceModel.Tests.SoapCorePeer.Wsdl;

namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer;

/// <summary>
/// The deliberate differences between our WSDL and SoapCore's (DataContractSerializer mode) for a WCF contract, each
/// with the reason a client generated from SoapCore's WSDL keeps working against ours, unchanged and regenerated.
/// Anything not listed fails the WSDL tests of <see cref="SoapCorePeerTests"/>: names a regenerated proxy is built from
/// (portType, binding, port), element names, occurrences, types, operations and soapActions are not listed on purpose.
/// Where both sides declare the same element and differ in one detail, the entry names the counterpart the other side
/// must have, so an element missing on one side is still reported.
/// </summary>
internal static class SoapCoreWsdlAllowList
{
    private const string Serialization = @"\{http://schemas\.microsoft\.com/2003/10/Serialization/\}";

    // A global element of the same-named type, in any namespace: "element tns:X type=tns:X", "element {ns}X type={ns}X".
    private const string Global = @"element ((?:tns:|\{[^}]+\})[\w.]+) type=\1";

    /// <summary>The entries; the first that matches explains a fact.</summary>
    public static IReadOnlyList<WsdlAllowance> Entries { get; } =
    [
        // SOAP 1.2: we serve SOAP 1.1 and 1.2 at the same address and describe both; SoapCore needs a second encoder
        // for 1.2. A SOAP 1.1 client (BasicHttpBinding) picks the soap11 binding and never sees these.
        new("ours", @"binding soap12 .*", "our extra SOAP 1.2 binding (same address, same operations and soapActions)"),
        new("ours", @"service port soap12 .*", "the port of our extra SOAP 1.2 binding"),

        // DataContractSerializer boilerplate: the schema of its primitive types and the imports of namespaces these
        // contracts never use. No message refers to them, so svcutil generates nothing from them.
        new("SoapCore", @"schema http://schemas\.microsoft\.com/2003/10/Serialization/(Arrays)? .*", "DataContractSerializer's own schemas, referenced by no message"),
        new("SoapCore", @"element " + Serialization + @"\w+ type=.*", "DataContractSerializer's primitive elements, referenced by no message"),
        new("SoapCore", @"simpleType " + Serialization + @"\w+ .*", "DataContractSerializer's char/duration/guid types, used by no member"),
        new("SoapCore", @"schema \S+ imports http://schemas\.(datacontract\.org/2004/07/System|microsoft\.com/2003/10/Serialization/Arrays)", "imports of namespaces no member uses"),

        // Fault detail elements: both declare X of type X (in the detail type's namespace) for the wsdl:fault; only
        // SoapCore adds nillable, and a fault detail is never nil, so nothing on the wire or in the generated
        // FaultContract changes.
        new("SoapCore", Global + " nillable", "a fault detail element, never nil (SoapCore's side)", "element $1 type=$1"),
        new("ours", Global, "a fault detail element, never nil (our side)", "element $1 type=$1 nillable"),

        // DataContractSerializer also emits a global element per data contract and enum (to serialize one on its own),
        // in the type's namespace. Messages refer to the wrapper elements, never to these, so no client code comes from them.
        new("SoapCore", Global + "( nillable)?", "DataContractSerializer's top-level element per data contract, referenced by no message"),

        // Data contracts in their own namespaces (ICatalog). SoapCore's WSDL exporter names a nested data contract by its
        // own name (Variant), but DataContractSerializer, SoapCore's own on the wire included, names it Outer.Inner
        // (Product.Variant), and so does WCF's WSDL: ours. A client generated from SoapCore's WSDL would expect
        // <Variant> items that neither server sends; the WCF client of CatalogContractTests round-trips ours.
        new("SoapCore", @"complexType \{[^}]+\}(ArrayOf)?Variant .*", "SoapCore's WSDL name of a nested data contract, which its own serializer does not use"),
        new("SoapCore", @"complexType \{[^}]+\}Product sequence\[\d+\] Variants: .*", "a member typed with that name (SoapCore's side)"),
        new("ours", @"complexType \{[^}]+\}(ArrayOf)?Product\.Variant .*", "DataContractSerializer's name of a nested data contract (Outer.Inner), as WCF's WSDL writes it"),
        new("ours", @"complexType \{[^}]+\}Product sequence\[\d+\] Variants: .*", "a member typed with that name (our side)"),

        // An enum data member that is not IsRequired (an enum type of another namespace, never nillable):
        // DataContractSerializer's schema (and ours) says minOccurs="0", as for every optional data member; SoapCore's
        // exporter says 1 for enums. WCF clients always send it.
        new("SoapCore", @"complexType (\S+) sequence\[(\d+)\] (\w+): (\{[^}]+\}[\w.]+) \[1\.\.1\]", "minOccurs 1 on an optional enum data member (SoapCore's side)", "complexType $1 sequence[$2] $3: $4 [0..1]"),
        new("ours", @"complexType (\S+) sequence\[(\d+)\] (\w+): (\{[^}]+\}[\w.]+) \[0\.\.1\]", "minOccurs 0 on an optional enum data member, as DataContractSerializer writes it (our side)", "complexType $1 sequence[$2] $3: $4 [1..1]"),

        // SoapCore also describes List<int> and string[] under their CLR names (ArrayOfInt32, ArrayOfString in the
        // System namespace), which no message or member refers to; both describe ArrayOfint/ArrayOfstring in WCF's
        // Arrays namespace, which the messages use.
        new("SoapCore", @"schema http://schemas\.datacontract\.org/2004/07/System .*|(complexType|element) \{http://schemas\.datacontract\.org/2004/07/System\}ArrayOf(Int32|String) .*", "SoapCore's unused CLR-named collection types"),

        // Imports (no schemaLocation: the namespaces are resolved among the WSDL's schemas): ours import exactly the
        // namespaces each schema refers to, which XmlSchemaSet needs to compile them (CatalogContractTests); SoapCore
        // leaves some out and adds others. A client generator reads the same types either way.
        new("SoapCore", @"schema \S+ imports http://schemas\.datacontract\.org/2004/07/\S+", "an import of a namespace the schema does not refer to"),
        new("ours", @"schema \S+ imports \S+", "an import of a namespace the schema refers to, where SoapCore's WSDL leaves it out"),

        // Reference-type parts of the wrappers (strings, data contracts): both nillable (null is <x i:nil="true"/>), but
        // WCF itself writes them minOccurs="0" and so do we, where SoapCore writes minOccurs="1". Generated code is the
        // same, WCF clients always send the element, and ours also accepts it omitted (as null): only looser.
        new("SoapCore", @"element tns:(\w+) sequence\[(\d+)\] (\w+): (\S+) \[1\.\.1\] nillable", "minOccurs 1 on a nillable reference-type part (SoapCore's side)", "element tns:$1 sequence[$2] $3: $4 [0..1] nillable"),
        new("ours", @"element tns:(\w+) sequence\[(\d+)\] (\w+): (\S+) \[0\.\.1\] nillable", "minOccurs 0 on a nillable reference-type part, as WCF writes it (our side)", "element tns:$1 sequence[$2] $3: $4 [1..1] nillable"),

        // Not ours to describe: SoapCore's WSDL for IInventory also describes Good, ServiceKnownBase and
        // ServiceKnownDerived (namespace http://tests.example.com/refused), types of RefusedContracts.cs and
        // FormerlyRefusedContracts.cs in the same test assembly that nothing in IInventory refers to; only other
        // contracts name them ([ServiceKnownType]). No message uses them, so a client generated from SoapCore's WSDL
        // never sends or reads them.
        new("SoapCore", @"(complexType|element) \{http://tests\.example\.com/refused\}(Good|ServiceKnownBase|ServiceKnownDerived) .*", "a type of another contract in the test assembly, used by no message"),
        new("SoapCore", @"schema http://tests\.example\.com/refused .*|schema \S+ imports http://tests\.example\.com/refused", "the schema of that unrelated type"),

        // IShapes: SoapCore's schema of the contract namespace also imports the namespace of Cube, a [ServiceKnownType]
        // no wrapper element refers to; ours imports what each schema refers to (Cube's own schema imports its base's).
        new("SoapCore", @"schema http://tests\.example\.com/shapes imports http://tests\.example\.com/shapes/extra", "an import of a known type's namespace the contract's schema does not refer to"),

        // A private [DataMember] field (ILibrary's Book._pages, "pages"): DataContractSerializer writes it (WCF's own WSDL
        // declares it, and the WCF client round trip in CollectionContractTests sends and reads it), SoapCore's WSDL
        // generator sees public members only and leaves it out, shifting the next member's position by one. A client
        // generated from SoapCore's WSDL never sends it, which we read as absent (the member is optional).
        new("ours", @"complexType tns:Book sequence\[1\] pages: xsd:int \[0\.\.1\]", "a private [DataMember] field, which DataContractSerializer writes and SoapCore's WSDL omits"),
        new("SoapCore", @"complexType tns:Book sequence\[1\] Year: (.*)", "the member after the private field SoapCore omits (SoapCore's side)", "complexType tns:Book sequence[2] Year: $1"),
        new("ours", @"complexType tns:Book sequence\[2\] Year: (.*)", "the member after the private field SoapCore omits (our side)", "complexType tns:Book sequence[1] Year: $1"),

        // wsam:Action on portType messages: WS-Addressing actions, carried only in a wsa:Action header. BasicHttpBinding
        // (and a SOAP 1.2 text binding without addressing) neither sends nor checks them; the soapAction each binding
        // operation declares is compared separately and is the same. A regenerated proxy gets ReplyAction = "*", which
        // accepts the same replies.
        new("SoapCore", @"portType operation \w+ (input|output|fault \w+) wsam:Action=.*", "WS-Addressing actions, which we neither send nor require"),

        // XmlSerializer mode only. (1) Reference-type parts and members: XmlSerializer writes them minOccurs="0" without
        // nillable (null is an absent element); we write them minOccurs="0" nillable (WCF's DataContract shape, one rule
        // for both formats). On the wire this is only looser: we read an absent element as null, exactly what a client
        // generated from SoapCore's WSDL sends, and a null we answer as xsi:nil is read as null by XmlSerializer.
        new("SoapCore", @"(complexType|element) tns:(\w+) sequence\[(\d+)\] (\w+): (\S+) \[0\.\.1\]$", "an optional reference-type part, not nillable in XmlSerializer's shape (SoapCore's side)", "$1 tns:$2 sequence[$3] $4: $5 [0..1] nillable"),
        new("ours", @"(complexType|element) tns:(\w+) sequence\[(\d+)\] (\w+): (\S+) \[0\.\.1\] nillable", "an optional reference-type part, also nillable (our side; only looser on the wire)", "$1 tns:$2 sequence[$3] $4: $5 [0..1]"),

        // (3) [XmlInclude] (IZoo): SoapCore's XmlSerializer-mode WSDL leaves out the included types, which XmlSerializer
        // writes as xsi:type and its own WSDL (and ours) describe as extensions of the base, and does not mark the abstract
        // base abstract="true" as XmlSerializer's exporter does. A client generated from SoapCore's WSDL could not
        // receive a Lion at all; the WCF client of XmlIncludeContractTests round-trips ours.
        new("ours", @"complexType tns:(Lion|Parrot) .*", "an [XmlInclude] type, which SoapCore's XmlSerializer-mode WSDL leaves out"),
        new("ours", @"complexType tns:ZooAnimal abstract", "an abstract [XmlInclude] base, marked abstract as XmlSerializer's exporter marks it"),

        // (2) SoapCore's XmlSerializer mode appends "_soap" to the binding and port names; we keep WCF's own names
        // (BasicHttpBinding_{Contract}, what WCF's WSDL says for the same contract). Nothing on the wire depends on
        // them; a proxy regenerated from our WSDL names its endpoint configuration without the suffix.
        new("SoapCore", @"binding soap11 name=BasicHttpBinding_(\w+)_soap type=tns:\1", "SoapCore's XmlSerializer-mode binding name (WCF's name plus _soap)", "binding soap11 name=BasicHttpBinding_$1 type=tns:$1"),
        new("ours", @"binding soap11 name=BasicHttpBinding_(\w+) type=tns:\1", "WCF's binding name, where SoapCore's XmlSerializer mode adds _soap", "binding soap11 name=BasicHttpBinding_$1_soap type=tns:$1"),
        new("SoapCore", @"service port soap11 name=BasicHttpBinding_(\w+)_soap binding=tns:BasicHttpBinding_\1_soap", "SoapCore's XmlSerializer-mode port name", "service port soap11 name=BasicHttpBinding_$1 binding=tns:BasicHttpBinding_$1"),
        new("ours", @"service port soap11 name=BasicHttpBinding_(\w+) binding=tns:BasicHttpBinding_\1", "WCF's port name, where SoapCore's XmlSerializer mode adds _soap", "service port soap11 name=BasicHttpBinding_$1_soap binding=tns:BasicHttpBinding_$1_soap"),
    ];
}
