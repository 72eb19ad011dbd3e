namespace SoapMiddleware.Client.Tests.Corpus;

/// <summary>
/// The corpus files zeep 4.2 rejects, and what the importer does with each and why. A file zeep starts rejecting, or
/// one whose outcome changes, fails <see cref="CorpusTests"/> until it is recorded here.
/// </summary>
internal static class ZeepRejected
{
    public const string NotWellFormed = "refused: not well-formed XML (an XML declaration after the start, an undeclared prefix, a broken tag), as every XML reader must";

    public static readonly IReadOnlyDictionary<string, (bool Read, string Why)> Files = new Dictionary<string, (bool, string)>
    {
        // XML Schema's 1999 draft namespace: zeep has no visitor for it; the importer reads it as XSD 2001.
        ["axis1/integration/src/test/wsdl/arrays/ArrayTest.wsdl"] = (true, "XSD 1999 namespace read as XSD; Apache's xml-soap Vector (no schema anywhere) warned"),
        ["axis1/integration/src/test/wsdl/multiref/MultiRefTest.wsdl"] = (true, "XSD 1999 namespace read as XSD"),
        ["axis1/integration/src/test/wsdl/types/ComprehensiveTypes.wsdl"] = (true, "XSD 1999 namespace read as XSD"),
        // zeep crashes on valid constructs.
        ["axis1/integration/src/test/wsdl/faults/FaultService.wsdl"] = (true, "zeep fails on a fault part (\"Empty tag name\"); valid WSDL"),
        ["axis1/interop-mock/src/main/resources/wsdl/soap12-test.wsdl"] = (true, "zeep crashes building a type (TypeError); unsupported content warned"),
        ["axis1/test/wsdl/import3/MultiImpIncl/wsdl/MultiImp.wsdl"] = (true, "zeep KeyError on a wsdl:import chain; read through the imports"),
        ["axis2/modules/jaxws-integration/src/test/java/org/apache/axis2/jaxws/proxy/rpclit/META-INF/RPCLit.wsdl"] = (true, "zeep AttributeError on an rpc/literal header; read"),
        ["wasabi/spec/fixtures/soap12.wsdl"] = (true, "zeep crashes on a port without binding; the port is warned and skipped"),
        ["wasabi/spec/fixtures/two_bindings.wsdl"] = (true, "zeep crashes on a binding without type; the binding is warned and skipped"),
        // References to types or messages that no schema defines: zeep stops, the importer warns at the reference.
        ["axis1/samples/echo-sample/src/main/wsdl/InteropTest.wsdl"] = (true, "xml-soap Map type has no schema: warned"),
        ["gowsdl/fixtures/workday-time-min.wsdl"] = (true, "a type no schema defines: references kept, no operations declared"),
        ["node-soap/test/request-response-samples/createData__should_generate_complex_type_request/soap.wsdl"] = (true, "an undefined type: warned"),
        ["node-soap/test/request-response-samples/readMetadata__should_respect_xsi_type_attribute/soap.wsdl"] = (true, "an undefined header message: warned"),
        ["node-soap/test/wsdl/marketo.wsdl"] = (true, "an undefined type: warned"),
        ["node-soap/test/wsdl/xsdinclude/xsd_include.wsdl"] = (true, "an undefined type: warned"),
        ["wsdl2go/wsdlgo/testdata/data.wsdl"] = (true, "an undefined type: kept as a reference"),
        ["wsdltophp/tests/resources/unit_tests.wsdl"] = (true, "an undefined header message: warned"),
        ["wasabi/spec/fixtures/encoded_endpoint.wsdl"] = (true, "its port type is in another namespace than the binding names: warned, port skipped"),
        ["wasabi/spec/fixtures/escaped_endpoint.wsdl"] = (true, "its port type is in another namespace than the binding names: warned, port skipped"),
        ["wasabi/spec/fixtures/lower_camel.wsdl"] = (true, "its port type is in another namespace than the binding names: warned, port skipped"),
        ["wasabi/spec/fixtures/multiple_parts_in_message.wsdl"] = (true, "its port type is in another namespace than the binding names: warned, port skipped"),
        ["wsdl2go/wsdlgo/testdata/memcache.wsdl"] = (true, "an undeclared tns prefix and a schema in the WSDL namespace: warned"),
        // xsd:import whose namespace differs from the imported schema's: zeep is strict, the importer reads the schema's own.
        ["node-soap/test/request-response-samples/RetrieveFareQuoteDateRange__should_handle_child_namespaces/soap.wsdl"] = (true, "import namespace mismatch: the schema's own namespace is used"),
        ["node-soap/test/request-response-samples/addList__complex_extension_namespace_for_arrays/soap.wsdl"] = (true, "import namespace mismatch: the schema's own namespace is used"),
        ["node-soap/test/request-response-samples/login__error_returned_should_contain_root_Json_on_fault/soap.wsdl"] = (true, "import namespace mismatch: the schema's own namespace is used"),
        ["node-soap/test/wsdl/strict/Netsuite.wsdl"] = (true, "import namespace mismatch: the schema's own namespace is used"),
        // SOAP 1.2 encoding's arrayType: zeep has no schema for it; the importer knows the namespace.
        ["node-soap/test/wsdl/rpcexample.wsdl"] = (true, "SOAP 1.2 encoding arrays are built in"),
        // Imports of remote URLs (offline here) or of a file the corpus lacks: warned at the import, the rest read.
        ["dotnet-wcf/src/dotnet-svcutil/lib/tests/TestCases/wsdl/WcfProjectNService/tempuri.org.wsdl"] = (true, "remote xsd imports warned"),
        ["node-soap/test/wsdl/strict/stockquote-url.wsdl"] = (true, "remote xsd import warned"),
        ["onvif/wsdl/remotediscovery.wsdl"] = (true, "remote WS-Addressing import warned"),
        ["savon/spec/fixtures/wsdl/brand.xml"] = (true, "remote xsd import warned"),
        ["savon/spec/fixtures/wsdl/team_software.xml"] = (true, "remote xsd imports warned"),
        ["savon/spec/fixtures/wsdl/wasmuth.xml"] = (true, "remote xsd imports warned"),
        ["wasabi/spec/fixtures/import_port_types.wsdl"] = (true, "remote wsdl import warned; its port type then missing, warned"),
        ["wasabi/spec/fixtures/juniper.wsdl"] = (true, "an import the corpus does not have: warned"),
        // Not well-formed: refused by both.
        ["dotnet-wcf/src/dotnet-svcutil/lib/tests/TestCases/wsdl/brokenWsdl.wsdl"] = (false, NotWellFormed),
        ["node-soap/test/wsdl/attachments.wsdl"] = (false, NotWellFormed),
        ["node-soap/test/wsdl/default_namespace_soap12.wsdl"] = (false, NotWellFormed),
        ["node-soap/test/wsdl/ws-policy.wsdl"] = (false, NotWellFormed),
        ["savon/spec/fixtures/wsdl/no_message_tag.xml"] = (false, NotWellFormed),
        ["wsdl2go/wsdlgo/testdata/localimport.wsdl"] = (false, NotWellFormed),
        ["wsdl2go/wsdlgo/testdata/localimport_choice.wsdl"] = (false, NotWellFormed),
        ["wsdl2go/wsdlgo/testdata/w3example1.wsdl"] = (false, NotWellFormed),
        ["wsdl2go/wsdlgo/testdata/w3example2.wsdl"] = (false, NotWellFormed),
    };
}
