using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace SoapMiddleware.Tests.EndToEnd;

/// <summary>A workers-only process of the sample app answers /health and nothing else.</summary>
public sealed class WorkersRoleTests
{
    [Fact]
    public async Task WorkersRole_HealthAnswered_SoapEndpointNotMapped()
    {
        var directory = Directory.CreateTempSubdirectory("soapmw-role-").FullName;
        await using var app = SampleApp.SampleApplication.Create(
        [
            "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default", "Warning",
            "--Queue:Role", "Workers", "--Queue:ConnectionString", Path.Combine(directory, "queue.db"),
        ]);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };

        var health = await client.GetAsync("/health");
        var soap = await client.GetAsync("/soap/calculator?wsdl");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("Workers", await health.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, soap.StatusCode);
        await app.StopAsync();
    }
}
