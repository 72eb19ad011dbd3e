using SampleApp.Services;

namespace SoapMiddleware.Tests.Protocols;

/// <summary>
/// Choosing the protocol by <c>Content-Type</c> without allocating: literal media types match case-insensitively with
/// parameters and spaces ignored; anything else still reaches the protocol's own <c>CanRead</c> (JSON's <c>+json</c>).
/// </summary>
public sealed class ProtocolMediaTypesTests
{
    private static readonly Lazy<RpcApplication> App = new(() =>
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddRpc(o => o.Namespace = SoapRequests.Tns).AddService<CalculatorService>();
        return services.BuildServiceProvider().GetRequiredService<RpcApplication>();
    });

    [Theory]
    [InlineData("text/xml", "soap11")]
    [InlineData("TEXT/XML; charset=utf-8", "soap11")]
    [InlineData("  text/xml  ;charset=utf-8", "soap11")]
    [InlineData("application/soap+xml; charset=utf-8; action=\"urn:x\"", "soap12")]
    [InlineData("application/json", "json")]
    [InlineData("application/problem+json; charset=utf-8", "json")]
    [InlineData("text/plain", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void SelectProtocol_ByMediaType(string? contentType, string? expected)
    {
        Assert.Equal(expected, App.Value.SelectProtocol(contentType)?.Name);
    }

    [Fact]
    public void CreateContext_SetsTheSelectedProtocolBothWays()
    {
        var context = App.Value.CreateContext(new HttpRpcTransport(new Microsoft.AspNetCore.Http.DefaultHttpContext()), new ServiceCollection().BuildServiceProvider(),
            default, "application/soap+xml", null, default);

        Assert.Equal("soap12", context.InProtocol?.Name);
        Assert.Same(context.InProtocol, context.OutProtocol);
    }
}
