using System.Text.RegularExpressions;
using SoapMiddleware.Security;
using SoapMiddleware.Tests.Zeep;

namespace SoapMiddleware.Tests.Interop;

/// <summary>
/// zeep's own <c>UsernameToken</c> (text and digest) against the sample app's <c>/soap/secure/calculator</c>: accepted;
/// a wrong password, an unknown user, an old <c>Created</c>, a replayed nonce and a missing token refused with the OASIS
/// fault codes. The digest zeep computed is checked against the server's digest function here.
/// </summary>
[Collection(SampleAppCollection.Name)]
public sealed partial class ZeepWsSecurityTests(SampleAppServer server)
{
    [ZeepTheory]
    [InlineData("soap11")]
    [InlineData("soap12")]
    public async Task Zeep_UsernameToken_AcceptedAndRefusedWithOasisFaults(string binding)
    {
        var (exitCode, text) = await ZeepScript.RunAsync("zeep_wsse.py", server.BaseAddress.ToString(), binding);

        Assert.True(exitCode == 0, text);
        Assert.Contains("ok digest Add", text);
        Assert.Contains("ok replayed nonce fault code", text);
        Assert.Contains("ok old Created fault code", text);
        Assert.Contains("OK 11 checks", text);
        var vector = Vector().Match(text);
        Assert.True(vector.Success, text);
        Assert.Equal(vector.Groups["digest"].Value, UsernameTokenDigest.Compute(Convert.FromBase64String(vector.Groups["nonce"].Value), vector.Groups["created"].Value, "wonderland"));
    }

    [GeneratedRegex(@"VECTOR (?<nonce>\S+) (?<created>\S+) (?<digest>\S+)")]
    private static partial Regex Vector();
}
