using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SoapMiddleware.Client.Calls;
using SoapMiddleware.Client.Hosting;

namespace SoapMiddleware.Client.Tests.Infrastructure;

/// <summary>
/// A Kestrel app on 127.0.0.1 for schema tests: <c>/mirror</c> answers a call with the request's own envelope (so a
/// bare operation whose input and output are one element reads back what it sent, headers included), <c>/canned</c>
/// with <see cref="Canned"/>.
/// </summary>
public sealed class EnvelopeMirror : IAsyncLifetime
{
    private KestrelApp? _app;

    /// <summary>The body <c>/canned</c> answers with, as text/xml (SOAP 1.1).</summary>
    public string Canned { get; set; } = "";

    public Uri Mirror => _app!.Url("/mirror");

    public Uri CannedUrl => _app!.Url("/canned");

    public async Task InitializeAsync()
    {
        var app = KestrelApp.CreateBuilder().Build();
        app.MapPost("/mirror", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            return Results.Bytes(body.ToArray(), context.Request.ContentType);
        });
        app.MapPost("/canned", () => Results.Text(Canned, "text/xml; charset=utf-8"));
        _app = await KestrelApp.StartAsync(app);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>
    /// A client of a WSDL with one bare document/literal operation, <c>Mirror</c>, whose input and output are the
    /// element <c>tns:{element}</c>, bound to SOAP 1.1 (<paramref name="binding"/> <c>soap</c>) or 1.2 (<c>soap12</c>)
    /// at <paramref name="address"/> (the mirror by default), with the given extra messages and header bindings.
    /// </summary>
    public async Task<RpcClient> ClientAsync(string schema, string element, string binding = "soap", Uri? address = null,
        string messages = "", string inputHeaders = "", string outputHeaders = "")
    {
        var ns = binding == "soap" ? "http://schemas.xmlsoap.org/wsdl/soap/" : "http://schemas.xmlsoap.org/wsdl/soap12/";
        var wsdl = await Wsdl.ImportAsync(Wsdl.Definitions($$"""
            {{Wsdl.Types(schema)}}
            <wsdl:message name="MirrorMessage"><wsdl:part name="{{element}}" element="tns:{{element}}"/></wsdl:message>
            {{messages}}
            <wsdl:portType name="MirrorPortType">
              <wsdl:operation name="Mirror"><wsdl:input message="tns:MirrorMessage"/><wsdl:output message="tns:MirrorMessage"/></wsdl:operation>
            </wsdl:portType>
            <wsdl:binding name="MirrorBinding" type="tns:MirrorPortType">
              <b:binding xmlns:b="{{ns}}" style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
              <wsdl:operation name="Mirror"><b:operation xmlns:b="{{ns}}" soapAction="urn:test:Mirror"/>
                <wsdl:input xmlns:b="{{ns}}"><b:body use="literal"/>{{inputHeaders}}</wsdl:input>
                <wsdl:output xmlns:b="{{ns}}"><b:body use="literal"/>{{outputHeaders}}</wsdl:output>
              </wsdl:operation>
            </wsdl:binding>
            <wsdl:service name="MirrorService">
              <wsdl:port name="MirrorPort" binding="tns:MirrorBinding"><b:address xmlns:b="{{ns}}" location="{{address ?? Mirror}}"/></wsdl:port>
            </wsdl:service>
            """));
        return RpcClient.FromWsdl(wsdl, new RpcClientOptions());
    }
}
