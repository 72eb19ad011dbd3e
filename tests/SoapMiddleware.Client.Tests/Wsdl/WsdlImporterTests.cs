using System.Xml;
using SoapMiddleware.Client.Tests.Infrastructure;
using SoapMiddleware.Client.Wsdl;
using SoapMiddleware.Client.Wsdl.Schema;

namespace SoapMiddleware.Client.Tests.Wsdl;

/// <summary>Services, ports and operations of small hand-written WSDLs, one binding style at a time.</summary>
public sealed class WsdlImporterTests
{
    private static readonly XmlQualifiedName XsInt = new("int", XsdNames.Xsd);

    // Document/literal: Add is wrapped (element named after the operation, a sequence), Echo is bare (a simple element),
    // with a header and a declared fault; SOAP 1.1 and SOAP 1.2 bindings of one port type, in two services.
    private static readonly string DocumentLiteral = Infrastructure.Wsdl.Definitions(Infrastructure.Wsdl.Types("""
        <xs:element name="Add"><xs:complexType><xs:sequence>
          <xs:element name="a" type="xs:int"/><xs:element name="b" type="xs:int"/>
        </xs:sequence></xs:complexType></xs:element>
        <xs:element name="AddResponse"><xs:complexType><xs:sequence><xs:element name="AddResult" type="xs:int"/></xs:sequence></xs:complexType></xs:element>
        <xs:element name="EchoText" type="xs:string"/>
        <xs:element name="Auth"><xs:complexType><xs:sequence><xs:element name="token" type="xs:string"/></xs:sequence></xs:complexType></xs:element>
        <xs:element name="Overflow" type="tns:OverflowDetail"/>
        <xs:complexType name="OverflowDetail"><xs:sequence><xs:element name="limit" type="xs:int"/></xs:sequence></xs:complexType>
        """) + """
        <wsdl:message name="AddIn"><wsdl:part name="parameters" element="tns:Add"/><wsdl:part name="auth" element="tns:Auth"/></wsdl:message>
        <wsdl:message name="AddOut"><wsdl:part name="parameters" element="tns:AddResponse"/></wsdl:message>
        <wsdl:message name="EchoIn"><wsdl:part name="text" element="tns:EchoText"/></wsdl:message>
        <wsdl:message name="EchoOut"><wsdl:part name="text" element="tns:EchoText"/></wsdl:message>
        <wsdl:message name="OverflowFault"><wsdl:part name="detail" element="tns:Overflow"/></wsdl:message>
        <wsdl:portType name="Calc">
          <wsdl:operation name="Add"><wsdl:input message="tns:AddIn"/><wsdl:output message="tns:AddOut"/><wsdl:fault name="Overflow" message="tns:OverflowFault"/></wsdl:operation>
          <wsdl:operation name="Echo"><wsdl:input message="tns:EchoIn"/><wsdl:output message="tns:EchoOut"/></wsdl:operation>
          <wsdl:operation name="Ping"><wsdl:input message="tns:EchoIn"/></wsdl:operation>
        </wsdl:portType>
        <wsdl:binding name="Calc11" type="tns:Calc">
          <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
          <wsdl:operation name="Add"><soap:operation soapAction="urn:test/Add"/>
            <wsdl:input><soap:body use="literal" parts="parameters"/><soap:header message="tns:AddIn" part="auth" use="literal"/></wsdl:input>
            <wsdl:output><soap:body use="literal"/></wsdl:output>
            <wsdl:fault name="Overflow"><soap:fault name="Overflow" use="literal"/></wsdl:fault>
          </wsdl:operation>
          <wsdl:operation name="Echo"><soap:operation soapAction=""/><wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>
          <wsdl:operation name="Ping"><wsdl:input><soap:body use="literal"/></wsdl:input></wsdl:operation>
        </wsdl:binding>
        <wsdl:binding name="Calc12" type="tns:Calc">
          <soap12:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
          <wsdl:operation name="Add"><soap12:operation soapAction="urn:test/Add"/><wsdl:input><soap12:body use="literal"/></wsdl:input><wsdl:output><soap12:body use="literal"/></wsdl:output></wsdl:operation>
        </wsdl:binding>
        <wsdl:service name="CalcService">
          <wsdl:port name="Calc11Port" binding="tns:Calc11"><soap:address location="http://host/calc"/></wsdl:port>
          <wsdl:port name="Calc12Port" binding="tns:Calc12"><soap12:address location="http://host/calc12"/></wsdl:port>
        </wsdl:service>
        <wsdl:service name="Other"><wsdl:port name="Again" binding="tns:Calc11"><soap:address location="http://other/calc"/></wsdl:port></wsdl:service>
        """);

    private static readonly string RpcEncoded = Infrastructure.Wsdl.Definitions("""
        <wsdl:types><xs:schema targetNamespace="urn:test">
          <xs:import namespace="http://schemas.xmlsoap.org/soap/encoding/"/>
          <xs:complexType name="ArrayOfString"><xs:complexContent><xs:restriction base="soapenc:Array">
            <xs:attribute ref="soapenc:arrayType" wsdl:arrayType="xs:string[]"/>
          </xs:restriction></xs:complexContent></xs:complexType>
        </xs:schema></wsdl:types>
        <wsdl:message name="JoinIn"><wsdl:part name="items" type="tns:ArrayOfString"/><wsdl:part name="separator" type="xs:string"/></wsdl:message>
        <wsdl:message name="JoinOut"><wsdl:part name="return" type="xs:string"/></wsdl:message>
        <wsdl:portType name="Text"><wsdl:operation name="Join"><wsdl:input message="tns:JoinIn"/><wsdl:output message="tns:JoinOut"/></wsdl:operation></wsdl:portType>
        <wsdl:binding name="TextEncoded" type="tns:Text"><soap:binding style="rpc" transport="http://schemas.xmlsoap.org/soap/http"/>
          <wsdl:operation name="Join"><soap:operation soapAction="urn:Join"/>
            <wsdl:input><soap:body use="encoded" namespace="urn:text" encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"/></wsdl:input>
            <wsdl:output><soap:body use="encoded" namespace="urn:text" encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"/></wsdl:output>
          </wsdl:operation></wsdl:binding>
        <wsdl:binding name="TextLiteral" type="tns:Text"><soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
          <wsdl:operation name="Join"><soap:operation style="rpc"/>
            <wsdl:input><soap:body use="literal" namespace="urn:text"/></wsdl:input><wsdl:output><soap:body use="literal" namespace="urn:text"/></wsdl:output>
          </wsdl:operation></wsdl:binding>
        <wsdl:service name="TextService">
          <wsdl:port name="Encoded" binding="tns:TextEncoded"><soap:address location="http://host/text"/></wsdl:port>
          <wsdl:port name="Literal" binding="tns:TextLiteral"><soap:address location="http://host/text-literal"/></wsdl:port>
        </wsdl:service>
        """);

    [Fact]
    public async Task Import_SeveralServicesAndPorts_EachWithItsBindingVersionAndAddress()
    {
        var description = await Infrastructure.Wsdl.ImportAsync(DocumentLiteral);

        Assert.Equal(["CalcService", "Other"], description.Services.Select(s => s.Name));
        var ports = description.Services[0].Ports;
        Assert.Equal(["Calc11Port", "Calc12Port"], ports.Select(p => p.Name));
        Assert.Equal([WsdlBindingProtocol.Soap11, WsdlBindingProtocol.Soap12], ports.Select(p => p.Protocol));
        Assert.Equal(["http://host/calc", "http://host/calc12"], ports.Select(p => p.Address));
        Assert.Equal(new XmlQualifiedName("Calc12", "urn:test"), ports[1].Binding);
        Assert.Equal(new XmlQualifiedName("Calc", "urn:test"), ports[1].PortType);
        Assert.Equal(["Add", "Echo", "Ping"], ports[0].Operations.Select(o => o.Name));
        Assert.Equal(["Add"], ports[1].Operations.Select(o => o.Name));
        Assert.Empty(description.Warnings);
    }

    [Fact]
    public async Task Import_DocumentLiteralWrapped_BodyPartsHeaderFaultAndAction()
    {
        var description = await Infrastructure.Wsdl.ImportAsync(DocumentLiteral);

        var add = description.Services[0].Ports[0].Operations[0];
        Assert.Equal(OperationStyle.Document, add.Style);
        Assert.True(add.IsWrapped);
        Assert.Equal("urn:test/Add", add.SoapAction);
        Assert.Equal(BodyUse.Literal, add.Input!.Use);
        Assert.Equal(["parameters"], add.Input.Body.Select(p => p.Name));
        Assert.Equal(new XmlQualifiedName("Add", "urn:test"), add.Input.Body[0].Element);
        Assert.Equal(new XmlQualifiedName("Auth", "urn:test"), Assert.Single(add.Input.Headers).Element);
        var fault = Assert.Single(add.Faults);
        Assert.Equal("Overflow", fault.Name);
        Assert.Equal(new XmlQualifiedName("Overflow", "urn:test"), fault.Detail!.Element);
        var detail = description.Schemas.Elements[fault.Detail.Element!];
        Assert.Equal(new XmlQualifiedName("OverflowDetail", "urn:test"), detail.Type);
    }

    [Fact]
    public async Task Import_DocumentLiteralBare_NotWrapped_AndOneWayHasNoOutput()
    {
        var description = await Infrastructure.Wsdl.ImportAsync(DocumentLiteral);

        var operations = description.Services[0].Ports[0].Operations;
        var echo = operations[1];
        Assert.False(echo.IsWrapped);
        Assert.Equal(new XmlQualifiedName("EchoText", "urn:test"), echo.Input!.Body.Single().Element);
        Assert.Equal(new XmlQualifiedName("string", XsdNames.Xsd), description.Schemas.Elements[new XmlQualifiedName("EchoText", "urn:test")].Type);
        Assert.Null(operations[2].Output);
        Assert.NotNull(operations[2].Input);
    }

    [Fact]
    public async Task Import_RpcEncoded_PartsByTypeNamespaceAndSoapEncArray()
    {
        var description = await Infrastructure.Wsdl.ImportAsync(RpcEncoded);

        var join = description.Services[0].Ports[0].Operations.Single();
        Assert.Equal(OperationStyle.Rpc, join.Style);
        Assert.Equal(BodyUse.Encoded, join.Input!.Use);
        Assert.Equal("urn:text", join.Input.Namespace);
        Assert.Equal(["items", "separator"], join.Input.Body.Select(p => p.Name));
        Assert.Equal(new XmlQualifiedName("ArrayOfString", "urn:test"), join.Input.Body[0].Type);
        var array = Assert.IsType<XsdComplexType>(description.Schemas.Types[new XmlQualifiedName("ArrayOfString", "urn:test")]);
        Assert.Equal(new XmlQualifiedName("Array", XsdNames.SoapEncoding), array.BaseType);
        Assert.Equal(XsdDerivation.Restriction, array.Derivation);
        Assert.Equal(new XmlQualifiedName("string", XsdNames.Xsd), array.ArrayItemType);
        Assert.Empty(description.Warnings);
    }

    [Fact]
    public async Task Import_RpcLiteral_OperationStyleOverridesBindingStyle()
    {
        var description = await Infrastructure.Wsdl.ImportAsync(RpcEncoded);

        var join = description.Services[0].Ports[1].Operations.Single();
        Assert.Equal(OperationStyle.Rpc, join.Style);
        Assert.Equal(BodyUse.Literal, join.Input!.Use);
        Assert.False(join.IsWrapped);
        Assert.Equal(XsInt.Namespace, join.Output!.Body.Single().Type!.Namespace);
    }

    [Fact]
    public async Task Import_MissingMessageAndUndefinedElement_WarnedWithLocation_RestStillImported()
    {
        var wsdl = Infrastructure.Wsdl.Definitions("""
            <wsdl:message name="In"><wsdl:part name="p" element="tns:Nowhere"/></wsdl:message>
            <wsdl:portType name="P">
              <wsdl:operation name="Good"><wsdl:input message="tns:In"/></wsdl:operation>
              <wsdl:operation name="Bad"><wsdl:input message="tns:Missing"/></wsdl:operation>
            </wsdl:portType>
            <wsdl:binding name="B" type="tns:P"><soap:binding style="document"/>
              <wsdl:operation name="Good"><wsdl:input><soap:body use="literal"/></wsdl:input></wsdl:operation>
              <wsdl:operation name="Bad"><wsdl:input><soap:body use="literal"/></wsdl:input></wsdl:operation>
              <wsdl:operation name="NotInPortType"/>
            </wsdl:binding>
            <wsdl:service name="S"><wsdl:port name="P1" binding="tns:B"/><wsdl:port name="P2" binding="tns:NoSuchBinding"/></wsdl:service>
            """);

        var description = await Infrastructure.Wsdl.ImportAsync(wsdl);

        var port = Assert.Single(description.Services[0].Ports);
        Assert.Equal(["Good", "Bad"], port.Operations.Select(o => o.Name));
        Assert.Contains(description.Warnings, w => w.Message.Contains("element urn:test:Nowhere is not defined", StringComparison.Ordinal));
        var missing = Assert.Single(description.Warnings, w => w.Message.Contains("Missing", StringComparison.Ordinal));
        Assert.Equal(new Uri(Infrastructure.Wsdl.Main), missing.Document);
        Assert.Equal(7, missing.Line); // the portType operation that names it (line 4 is the first of the content)
        Assert.True(missing.Column > 0);
        Assert.Contains(description.Warnings, w => w.Message.Contains("NotInPortType", StringComparison.Ordinal));
        Assert.Contains(description.Warnings, w => w.Message.Contains("NoSuchBinding", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_NotAWsdl_ClearError()
    {
        var error = await Assert.ThrowsAsync<WsdlImportException>(() => Infrastructure.Wsdl.ImportAsync("<html><body/></html>"));

        Assert.Contains("not a WSDL 1.1 document", error.Message, StringComparison.Ordinal);
        Assert.Contains("html", error.Message, StringComparison.Ordinal);
    }
}
