using Microsoft.AspNetCore.Http;
using SampleApp.Services;

namespace SoapMiddleware.Tests.Protocols;

/// <summary>SOAP 1.1's action comes from the <c>SOAPAction</c> header, spaces and quotes trimmed; a known one costs no copy.</summary>
public sealed class SoapHttpBindingTests
{
    private static readonly Lazy<RpcApplication> App = new(() =>
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddRpc(o => o.Namespace = SoapRequests.Tns).AddService<CalculatorService>();
        return services.BuildServiceProvider().GetRequiredService<RpcApplication>();
    });

    private static string? ReadAction(string? header)
    {
        var http = new DefaultHttpContext();
        if (header is not null)
        {
            http.Request.Headers["SOAPAction"] = header;
        }

        return App.Value.FindProtocol("soap11")!.HttpBinding.ReadAction(http.Request);
    }

    [Theory]
    [InlineData("\"http://example.com/calc/CalculatorService/Add\"")]
    [InlineData(" http://example.com/calc/CalculatorService/Add ")]
    [InlineData("http://example.com/calc/CalculatorService/Add")]
    public void KnownAction_TheOperationsOwnString(string header)
    {
        var add = App.Value.FindOperation("Add")!;

        Assert.Same(add.Action, ReadAction(header));
    }

    [Theory]
    [InlineData("\"urn:unknown\"", "urn:unknown")]
    [InlineData("urn:unknown", "urn:unknown")]
    [InlineData("\"\"", "")]
    [InlineData(null, "")]
    public void OtherActions_TrimmedText(string? header, string expected)
    {
        Assert.Equal(expected, ReadAction(header));
    }
}
