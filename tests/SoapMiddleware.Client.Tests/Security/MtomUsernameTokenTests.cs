using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SoapMiddleware.Client.Tests.Infrastructure;
using SoapMiddleware.Client.Tests.Mtom;
using SoapMiddleware.Client.Tests.Typed;

namespace SoapMiddleware.Client.Tests.Security;

/// <summary>
/// MTOM and WS-Security together, our client against the sample app on Kestrel: with <c>UseMtom</c> and a UsernameToken
/// the request on the wire is MTOM whose root part carries the <c>wsse:Security</c> header, the server authenticates
/// the user from it (the endpoint sees alice) and answers MTOM, the bytes come back exactly; a wrong password is
/// refused with <c>wsse:FailedAuthentication</c> over MTOM as over plain SOAP.
/// </summary>
public sealed partial class MtomUsernameTokenTests : IAsyncLifetime
{
    private const string Secure = "/soap/secure/calculator";
    private readonly ConcurrentQueue<string?> _users = new();
    private readonly ConcurrentQueue<WireExchange> _wire = new();
    private SampleAppHost _app = null!;

    // Added after the sample's authentication and authorization: it sees only requests they let through, with their user.
    public async Task InitializeAsync()
        => _app = await SampleAppHost.StartAsync("soapmw-mtom-wsse-", [], app => app.Use((HttpContext http, RequestDelegate next) =>
        {
            if (http.Request.Path == Secure)
            {
                _users.Enqueue(http.User.Identity?.Name);
            }

            return next(http);
        }));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("soap11", false)]
    [InlineData("soap11", true)]
    [InlineData("soap12", false)]
    [InlineData("soap12", true)]
    public void EchoBytes_MtomWithUsernameToken_AuthenticatedAndSameBytesBack(string protocol, bool digest)
    {
        var client = Client(protocol, "wonderland", digest);
        var first = RandomNumberGenerator.GetBytes(100_000);
        var second = RandomNumberGenerator.GetBytes(10);

        Assert.Equal(first, client.EchoBytes(first));
        Assert.Equal(second, client.EchoBytes(second));

        Assert.Equal(new[] { "alice", "alice" }, _users);
        var calls = _wire.ToArray();
        Assert.Equal(2, calls.Length);
        foreach (var (call, data) in calls.Zip(new[] { first, second }))
        {
            Assert.StartsWith("multipart/related", call.RequestContentType, StringComparison.Ordinal);
            Assert.Contains("type=\"application/xop+xml\"", call.RequestContentType, StringComparison.Ordinal);
            Assert.StartsWith("multipart/related", call.ResponseContentType, StringComparison.Ordinal);
            Assert.True(call.RequestBody.AsSpan().IndexOf(data) >= 0, "The bytes did not travel as a binary part.");
            var text = call.RequestText;
            Assert.Contains("http://www.w3.org/2004/08/xop/include", text, StringComparison.Ordinal);
            Assert.Contains("<wsse:Username>alice</wsse:Username>", text, StringComparison.Ordinal);
            Assert.Contains(digest ? "#PasswordDigest\"" : "#PasswordText\"", text, StringComparison.Ordinal);
            Assert.Equal(!digest, text.Contains("wonderland", StringComparison.Ordinal));
        }

        // A fresh nonce for every call.
        var nonces = calls.Select(c => Nonce().Match(c.RequestText)).ToList();
        Assert.All(nonces, n => Assert.True(n.Success));
        Assert.NotEqual(nonces[0].Groups[1].Value, nonces[1].Groups[1].Value);
    }

    [Theory]
    [InlineData("soap11")]
    [InlineData("soap12")]
    public void EchoBytes_MtomWithWrongPassword_FailedAuthentication(string protocol)
    {
        var client = Client(protocol, "looking-glass", digest: true);

        var fault = Assert.Throws<RpcFaultException>(() => client.EchoBytes(RandomNumberGenerator.GetBytes(1000)));

        Assert.Equal("FailedAuthentication", fault.Subcode);
        Assert.Equal("The security token could not be authenticated.", fault.Message);
        Assert.StartsWith("multipart/related", Assert.Single(_wire).RequestContentType, StringComparison.Ordinal);
        Assert.Empty(_users);
    }

    private IBytesClient Client(string protocol, string password, bool digest)
        => ClientFactory.Create<IBytesClient>(
            _app.Url(Secure),
            protocol,
            o =>
            {
                o.UseMtom = true;
                o.UsernameToken("alice", password, digest);
            },
            http => http.AddHttpMessageHandler(() => new WireTap(_wire)));

    [GeneratedRegex("<wsse:Nonce[^>]*>([^<]+)</wsse:Nonce>")]
    private static partial Regex Nonce();
}
