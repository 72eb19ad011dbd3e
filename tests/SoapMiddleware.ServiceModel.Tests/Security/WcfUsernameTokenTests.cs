using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.ServiceModel;
using System.ServiceModel.Channels;
using System.ServiceModel.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.Security;

namespace SoapMiddleware.ServiceModel.Tests.Security;

/// <summary>
/// The .NET WCF client's own UsernameToken (BasicHttpBinding, TransportWithMessageCredential, UserName: PasswordText
/// over HTTPS, with a wsu:Timestamp and mustUnderstand="1") against our WS-Security scheme on a real Kestrel with TLS.
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
    public async Task WrongPassword_RefusedWithFailedAuthentication()
    {
        var factory = Factory("alice", "looking-glass");
        try
        {
            // WCF turns a wsse:FailedAuthentication fault into SecurityAccessDeniedException (any other fault, or an
            // accepted call, is something else).
            await Assert.ThrowsAsync<SecurityAccessDeniedException>(() => Task.Run(() => factory.CreateChannel().WhoAmI(41)));
        }
        finally
        {
            factory.Abort();
        }
    }

    private ChannelFactory<IWhoAmI> Factory(string user, string password)
    {
        var basic = new BasicHttpBinding(BasicHttpSecurityMode.TransportWithMessageCredential);
        basic.Security.Message.ClientCredentialType = BasicHttpMessageCredentialType.UserName;

        // The stock binding also demands a wsse:Security header (a wsu:Timestamp) on every response, and refuses ours
        // ("unable to find a security header"): our server authenticates requests, it does not sign or stamp
        // responses. EnableUnsecuredResponse is WCF's own switch for such services; the request is what the stock
        // binding sends.
        var elements = basic.CreateBindingElements();
        elements.Find<SecurityBindingElement>()!.EnableUnsecuredResponse = true;
        var binding = new CustomBinding(elements);
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
