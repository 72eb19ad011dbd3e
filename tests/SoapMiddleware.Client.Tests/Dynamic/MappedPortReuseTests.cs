using SoapMiddleware.Client.Calls;
using SoapMiddleware.Client.Hosting;

namespace SoapMiddleware.Client.Tests.Dynamic;

/// <summary>
/// A second client of the same import (what the description cache hands out on a hit) reuses the port's mapped
/// description instead of mapping it again; another port, or another import, is mapped on its own.
/// </summary>
public sealed class MappedPortReuseTests
{
    private static readonly string Document = Infrastructure.Wsdl.Definitions($$"""
        {{Infrastructure.Wsdl.Types("""<xs:element name="Ping"><xs:complexType><xs:sequence><xs:element name="text" type="xs:string"/></xs:sequence></xs:complexType></xs:element>""")}}
        <wsdl:message name="PingMessage"><wsdl:part name="ping" element="tns:Ping"/></wsdl:message>
        <wsdl:portType name="PingPortType"><wsdl:operation name="Ping"><wsdl:input message="tns:PingMessage"/><wsdl:output message="tns:PingMessage"/></wsdl:operation></wsdl:portType>
        <wsdl:binding name="Ping11" type="tns:PingPortType"><soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
          <wsdl:operation name="Ping"><soap:operation soapAction="urn:test:Ping"/><wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation></wsdl:binding>
        <wsdl:binding name="Ping12" type="tns:PingPortType"><soap12:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
          <wsdl:operation name="Ping"><soap12:operation soapAction="urn:test:Ping"/><wsdl:input><soap12:body use="literal"/></wsdl:input><wsdl:output><soap12:body use="literal"/></wsdl:output></wsdl:operation></wsdl:binding>
        <wsdl:service name="PingService">
          <wsdl:port name="Port11" binding="tns:Ping11"><soap:address location="http://127.0.0.1:9/ping"/></wsdl:port>
          <wsdl:port name="Port12" binding="tns:Ping12"><soap12:address location="http://127.0.0.1:9/ping12"/></wsdl:port>
        </wsdl:service>
        """);

    [Fact]
    public async Task SameImportAndPort_SharesTheDescription_OtherPortOrImport_MappedAgain()
    {
        var wsdl = await Infrastructure.Wsdl.ImportAsync(Document);
        var hit = await Infrastructure.Wsdl.ImportAsync(Document); // the importer's memory cache: the same import
        var changed = await Infrastructure.Wsdl.ImportAsync(Document.Replace("9/ping12", "9/other", StringComparison.Ordinal));

        var first = RpcClient.FromWsdl(wsdl, new RpcClientOptions { Port = "Port11" });
        var second = RpcClient.FromWsdl(wsdl, new RpcClientOptions { Port = "Port11", Protocol = "json", Address = new Uri("http://127.0.0.1:9/json") });
        var otherPort = RpcClient.FromWsdl(wsdl, new RpcClientOptions { Port = "Port12" });
        var fromHit = RpcClient.FromWsdl(hit, new RpcClientOptions { Port = "Port11" });
        var otherImport = RpcClient.FromWsdl(changed, new RpcClientOptions { Port = "Port11" });

        Assert.Same(first.Description, second.Description);
        Assert.Same(first.Description, fromHit.Description);
        Assert.Equal(("soap11", "json"), (first.Protocol, second.Protocol));
        Assert.NotSame(first.Description, otherPort.Description);
        Assert.Equal("soap12", otherPort.Protocol);
        Assert.NotSame(first.Description, otherImport.Description);
        Assert.Equal(first.Description.Operations.Select(o => o.Name), otherImport.Description.Operations.Select(o => o.Name));
    }
}
