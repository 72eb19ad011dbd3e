using System.Collections.Concurrent;
using System.Text;
using System.Xml.Linq;
using SoapMiddleware.Client.Calls;
using SoapMiddleware.Client.Tests.Typed;

namespace SoapMiddleware.Client.Tests.Security;

/// <summary>
/// Our client's UsernameToken (<c>o.UsernameToken("alice", secret, digest)</c>) against our server's WS-Security
/// handler: the sample app's <c>/soap/secure/calculator</c>, users from its configuration (alice / wonderland).
/// </summary>
public sealed class UsernameTokenClientTests(SampleHost host) : IClassFixture<SampleHost>
{
    private static readonly XNamespace Wsse = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

    private Uri Secure => new(host.BaseAddress, "/soap/secure/calculator");

    [Theory]
    [InlineData("soap11", false)]
    [InlineData("soap11", true)]
    [InlineData("soap12", false)]
    [InlineData("soap12", true)]
    public async Task UsernameToken_RightPassword_Served(string protocol, bool digest)
    {
        var sent = new ConcurrentQueue<string>();
        var received = new ConcurrentQueue<string>();
        var calculator = ClientFactory.Create<ICalculatorClient>(Secure, protocol, o =>
        {
            o.UsernameToken("alice", "wonderland", digest);
            o.Events.AddListener(RpcClientEventNames.MethodReturnString, c => sent.Enqueue(Encoding.UTF8.GetString(c.RequestBytes.Span)));
            o.Events.AddListener(RpcClientEventNames.MethodAcceptDocument, c => received.Enqueue(Encoding.UTF8.GetString(c.ResponseBytes.Span)));
        });

        var sum = await calculator.AddAsync(40, 2);

        Assert.Equal(42, sum);

        // The answer carried the server's wsse:Security header, marked mustUnderstand, and the client read past it.
        var answered = XDocument.Parse(received.Single()).Descendants(Wsse + "Security").Single();
        Assert.Contains(answered.Attributes(), a => a.Name.LocalName == "mustUnderstand" && a.Value == "1");
        var security = XDocument.Parse(sent.Single()).Descendants(Wsse + "Security").Single();
        var password = security.Descendants(Wsse + "Password").Single();
        Assert.Equal(digest ? 28 : "wonderland".Length, password.Value.Length); // a digest is 20 bytes of SHA-1 in base64; the password itself never travels
        Assert.EndsWith(digest ? "#PasswordDigest" : "#PasswordText", (string?)password.Attribute("Type"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task UsernameToken_64ParallelCalls_EachWithItsOwnNonce_AllServed(bool digest)
    {
        var nonces = new ConcurrentBag<string>();
        var calculator = ClientFactory.Create<ICalculatorClient>(Secure, "soap11", o =>
        {
            o.UsernameToken("alice", "wonderland", digest);
            o.Timeout = TimeSpan.FromSeconds(60);
            o.Events.AddListener(RpcClientEventNames.MethodReturnString, c => nonces.Add((string)XDocument.Parse(Encoding.UTF8.GetString(c.RequestBytes.Span)).Descendants(Wsse + "Nonce").Single()));
        });

        var sums = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() => calculator.AddAsync(i, 1000))));

        Assert.Equal(Enumerable.Range(1000, 64), sums);
        Assert.Equal(64, nonces.Distinct().Count());
    }

    [Fact]
    public async Task UsernameToken_WrongPassword_FaultWithTheServersWords()
    {
        var calculator = ClientFactory.Create<ICalculatorClient>(Secure, "soap11", o => o.UsernameToken("alice", "looking-glass", digest: true));

        var fault = await Assert.ThrowsAsync<RpcFaultException>(() => calculator.AddAsync(1, 2));

        Assert.Equal("The security token could not be authenticated.", fault.Message);
    }

    [Fact]
    public void UsernameToken_JsonProtocol_RefusedAtCreation()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ClientFactory.Create<ICalculatorClient>(Secure, "json", o => o.UsernameToken("alice", "wonderland")));

        Assert.Contains("SOAP protocol", error.Message, StringComparison.Ordinal);
    }
}
