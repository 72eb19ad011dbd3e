using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.ServiceModel;
using System.ServiceModel.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.Security;

namespace SoapMiddleware.ServiceModel.Tests.Security;

/// <summary>
/// The .NET WCF client's own UsernameToken (BasicHttpBinding, TransportWithMessageCredential, UserName: PasswordText
/// over HTTPS, with a wsu:Timestamp and mustUnderstand="1") against our WS-Security scheme on a real Kestrel with TLS,
/// with the stock binding: WCF checks the wsu:Timestamp of our responses, results and faults.
/// </summary>
public sealed class WcfUsernameTokenTests : IAsyncLifetime
{
    private X509Certificate2 _certificate = null!;
    private KestrelApp _app = null!;

    private Uri Svc => new($"https://127.0.0.1:{_app.BaseAddress.Port}/secure/WhoAmI.svc");

    public async Task InitializeAsync()
    {
        _certificate = SelfSignedCertificate.Create();
        var builder = KestrelApp.CreateBuilder();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(_certificate)));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddAuthentication().AddWsSecurity(o
            => o.ValidateUsernameToken = (user, _) => Task.FromResult(user == "alice" ? "wonderland" : null));
        builder.Services.AddAuthorization();
        builder.Services.AddRpc().AddService<IWhoAmI, WhoAmI>();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRpc<IWhoAmI>("/secure/WhoAmI.svc").RequireAuthorization();
        _app = await KestrelApp.StartAsync(app);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _certificate.Dispose();
    }

    [Fact]
    public async Task UserNameOverTls_Accepted_MethodSeesTheUser()
    {
        var factory = Factory("alice", "wonderland");
        try
        {
            Assert.Equal("alice:42", await Task.Run(() => factory.CreateChannel().WhoAmI(41)));
        }
        finally
        {
            factory.Abort();
        }
    }

    [Fact]
    public async Task ApplicationFault_AfterTheTokenWasAccepted_ReachesTheCallerAsAFaultException()
    {
        var factory = Factory("alice", "wonderland");
        try
        {
            // Without a Security header on the fault, WCF would report a MessageSecurityException ("unsecured fault")
            // instead of the service's own fault.
            var fault = await Assert.ThrowsAnyAsync<FaultException>(() => Task.Run(() => factory.CreateChannel().Refuse(7)));
            Assert.Equal("refused 7 for alice", fault.Message);
        }
        finally
        {
            factory.Abort();
        }
    }

    [Fact]
    public async Task WrongPassword_RefusedWithFailedAuthentication()
    {
        var factory = Factory("alice", "looking-glass");
        try
        {
            // WCF turns a wsse:FailedAuthentication fault into SecurityAccessDeniedException (any other fault, or an
            // accepted call, is something else; so is this fault without a Security header: "an unsecured fault").
            await Assert.ThrowsAsync<SecurityAccessDeniedException>(() => Task.Run(() => factory.CreateChannel().WhoAmI(41)));
        }
        finally
        {
            factory.Abort();
        }
    }

    private ChannelFactory<IWhoAmI> Factory(string user, string password)
    {
        // The stock binding as a WCF user configures it: it also demands a wsse:Security header with a wsu:Timestamp on
        // every response, which the server writes for a request whose token it accepted.
        var binding = new BasicHttpBinding(BasicHttpSecurityMode.TransportWithMessageCredential);
        binding.Security.Message.ClientCredentialType = BasicHttpMessageCredentialType.UserName;
        var factory = new ChannelFactory<IWhoAmI>(binding, new EndpointAddress(Svc));
        factory.Credentials.UserName.UserName = user;
        factory.Credentials.UserName.Password = password;
        factory.Credentials.ServiceCertificate.SslCertificateAuthentication = new X509ServiceCertificateAuthentication
        {
            CertificateValidationMode = X509CertificateValidationMode.None,
            RevocationMode = X509RevocationMode.NoCheck,
        };
        return factory;
    }
}
