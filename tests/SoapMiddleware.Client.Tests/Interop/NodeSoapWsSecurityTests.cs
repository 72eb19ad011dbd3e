namespace SoapMiddleware.Client.Tests.Interop;

/// <summary>
/// node-soap's own <c>WSSecurity</c> (npm <c>soap</c>, <c>PasswordText</c> and <c>PasswordDigest</c>), a third client
/// that no one here wrote, against the sample app's <c>/soap/secure/calculator</c> (users from its configuration,
/// alice / wonderland): <c>Add</c> and <c>EchoBytes</c> accepted; a wrong password refused with
/// <c>wsse:FailedAuthentication</c>. The script is <c>Interop/node/node_soap_wsse.js</c>.
/// </summary>
public sealed class NodeSoapWsSecurityTests : IAsyncLifetime
{
    private SampleAppHost _app = null!;

    public async Task InitializeAsync() => _app = await SampleAppHost.StartAsync("soapmw-node-wsse-", []);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("soap11")]
    [InlineData("soap12")]
    public async Task NodeSoap_WSSecurity_TextAndDigestAccepted_WrongPasswordFailedAuthentication(string binding)
    {
        var (exitCode, output) = await NodeSoap.RunAsync("node_soap_wsse.js", _app.BaseAddress.ToString(), binding);

        Assert.True(exitCode == 0, output);
        Assert.Contains("ok PasswordText Add", output);
        Assert.Contains("ok PasswordDigest Add", output);
        Assert.Contains("ok PasswordDigest EchoBytes", output);
        Assert.Contains("ok PasswordText wrong password fault code", output);
        Assert.Contains("ok PasswordDigest wrong password fault code", output);
        Assert.Contains("OK 10 checks", output);
    }
}
