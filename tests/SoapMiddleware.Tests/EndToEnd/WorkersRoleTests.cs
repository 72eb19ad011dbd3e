using System.Net;

namespace SoapMiddleware.Tests.EndToEnd;

/// <summary>A workers-only process of the sample app answers /health and nothing else.</summary>
public sealed class WorkersRoleTests
{
    [Fact]
    public async Task WorkersRole_HealthAnswered_SoapEndpointNotMapped()
    {
        await using var app = await SampleAppHost.StartAsync("soapmw-role-", ["--Queue:Role", "Workers"]);
        var client = app.Client;

        var health = await client.GetAsync("/health");
        var soap = await client.GetAsync("/soap/calculator?wsdl");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("Workers", await health.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, soap.StatusCode);
        await app.StopAsync();
    }
}
