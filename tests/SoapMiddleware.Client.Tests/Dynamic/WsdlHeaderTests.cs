using System.Text;
using System.Xml.Linq;
using SoapMiddleware.Client.Calls;
using SoapMiddleware.Client.Tests.Infrastructure;
using SoapMiddleware.Description;
using SoapMiddleware.Protocols;

namespace SoapMiddleware.Client.Tests.Dynamic;

/// <summary>
/// SOAP headers a WSDL's binding declares (<c>soap:header</c>, SOAP 1.1 and 1.2) are the operation's: given per call
/// as <see cref="RpcHeaderValue"/>s in an <see cref="RpcCallScope"/>, written as their elements, the response's read by
/// name from the call's context (a mirror on Kestrel sends the request's headers back); a header the binding marks
/// <c>wsdl:required</c> and the call lacks is refused before sending, naming it.
/// </summary>
public sealed class WsdlHeaderTests(EnvelopeMirror mirror) : IClassFixture<EnvelopeMirror>
{
    private const string Schema = """
        <xs:element name="echo"><xs:complexType><xs:sequence><xs:element name="text" type="xs:string"/></xs:sequence></xs:complexType></xs:element>
        <xs:element name="auth"><xs:complexType><xs:sequence>
          <xs:element name="user" type="xs:string"/><xs:element name="token" type="xs:string"/>
        </xs:sequence></xs:complexType></xs:element>
        <xs:element name="trace" type="xs:string"/>
        """;

    private const string Messages = """
        <wsdl:message name="AuthHeader"><wsdl:part name="auth" element="tns:auth"/></wsdl:message>
        <wsdl:message name="TraceHeader"><wsdl:part name="trace" element="tns:trace"/></wsdl:message>
        """;

    private const string InputHeaders = """
        <b:header message="tns:AuthHeader" part="auth" use="literal" wsdl:required="true"/>
        <b:header message="tns:TraceHeader" part="trace" use="literal"/>
        """;

    private const string OutputHeaders = """<b:header message="tns:TraceHeader" part="trace" use="literal"/>""";

    [Fact]
    public async Task Mapping_Headers_AreTheOperationsWithTheirRequirement()
    {
        var client = await ClientAsync("soap");

        var schema = client.Description.FindOperation("Mirror")!.Schema!;
        Assert.Empty(client.Warnings);
        Assert.Equal([XName.Get("auth", Infrastructure.Wsdl.Tns), XName.Get("trace", Infrastructure.Wsdl.Tns)], schema.RequestHeaders.Select(h => h.Name));
        Assert.Equal([false, true], schema.RequestHeaders.Select(h => h.IsOptional));
        Assert.Equal(["user", "token"], schema.RequestHeaders[0].Type.Members.Select(m => m.Name.LocalName));
        Assert.Equal("trace", Assert.Single(schema.ResponseHeaders).Name.LocalName);
    }

    [Theory]
    [InlineData("soap")]
    [InlineData("soap12")]
    public async Task Call_WithHeaderValues_SendsThemAndReadsTheResponses(string binding)
    {
        var client = await ClientAsync(binding);

        RpcCallContext call;
        using (var scope = new RpcCallScope())
        {
            scope.SoapHeaders.Add(new RpcHeaderValue("auth", new { user = "ann", token = "t0k" }));
            scope.SoapHeaders.Add(new RpcHeaderValue("Trace", "abc-1"));
            call = await client.CallWithContextAsync("Mirror", new { text = "hi" });
        }

        Assert.Null(call.Error);
        Assert.Equal(new RpcRecord([new("text", "hi")]), call.Result);
        var envelope = XDocument.Parse(Encoding.UTF8.GetString(call.RequestBytes.Span));
        var header = envelope.Root!.Elements().First(e => e.Name.LocalName == "Header");
        var auth = header.Element(XName.Get("auth", Infrastructure.Wsdl.Tns))!;
        Assert.Equal("ann", auth.Element(XName.Get("user", Infrastructure.Wsdl.Tns))?.Value);
        Assert.Equal("t0k", auth.Element(XName.Get("token", Infrastructure.Wsdl.Tns))?.Value);
        Assert.Equal("abc-1", call.GetResponseHeader("trace"));
        Assert.Equal(2, call.ResponseSoapHeaders.Count);
    }

    [Fact]
    public async Task Call_WithoutARequiredHeader_IsRefusedNamingIt()
    {
        var client = await ClientAsync("soap");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.CallAsync("Mirror", new { text = "hi" }));

        Assert.Contains("SOAP header 'auth'", error.Message, StringComparison.Ordinal);
        Assert.Contains("new RpcHeaderValue(\"auth\", value)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_UndeclaredHeaderNames_AreErrorsNamingTheDeclaredOnes()
    {
        var client = await ClientAsync("soap");
        using var scope = new RpcCallScope();
        scope.SoapHeaders.Add(new RpcHeaderValue("auth", new { user = "ann", token = "t" }));
        scope.SoapHeaders.Add(new RpcHeaderValue("tenant", "acme"));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.CallAsync("Mirror", new { text = "hi" }));

        Assert.Contains("no request header 'tenant'; it declares auth, trace", error.Message, StringComparison.Ordinal);
    }

    private Task<RpcClient> ClientAsync(string binding)
        => mirror.ClientAsync(Schema, "echo", binding, messages: Messages, inputHeaders: InputHeaders, outputHeaders: OutputHeaders);
}
