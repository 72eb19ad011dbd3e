using System.Security.Cryptography;
using SoapMiddleware.Security;

namespace SoapMiddleware.Tests.Security;

public sealed class UsernameTokenDigestTests
{
    [Theory]
    [InlineData("WScqanjCEAC4mQoBE07sAQ==", "2003-07-16T01:24:32Z", "IloveDogs")]
    [InlineData("emVlcC1ub25jZS0wMTIz", "2026-01-02T03:04:05+00:00", "wonderland")]
    [InlineData("AA==", "2026-12-07T00:00:00Z", "pässwörd ✓")]
    public void Compute_Vector_IsBase64OfSha1OfNonceCreatedPassword(string nonce, string created, string password)
    {
        var bytes = Convert.FromBase64String(nonce);

        var digest = UsernameTokenDigest.Compute(bytes, created, password);

        Assert.Equal(SecurityTokens.Digest(bytes, created, password), digest);
        Assert.Equal(20, Convert.FromBase64String(digest).Length);
    }

    [Fact]
    public void Compute_ZeepsToken_SameDigest()
    {
        // Printed by zeep 4's UsernameToken(use_digest=True, nonce="zeep-nonce-0123", created=2026-01-02T03:04:05Z)
        // (tests/SoapMiddleware.Tests/Interop/zeep_wsse.py prints the same line each run, and ZeepWsSecurityTests checks it live).
        var digest = UsernameTokenDigest.Compute(Convert.FromBase64String("emVlcC1ub25jZS0wMTIz"), "2026-01-02T03:04:05+00:00", "wonderland");

        Assert.Equal("jeP5qJYLdbUcUnB9BE06fcsswvE=", digest);
    }

    [Fact]
    public void Compute_DifferentNonce_DifferentDigest()
        => Assert.NotEqual(
            UsernameTokenDigest.Compute(RandomNumberGenerator.GetBytes(16), "2026-01-01T00:00:00Z", "x"),
            UsernameTokenDigest.Compute(RandomNumberGenerator.GetBytes(16), "2026-01-01T00:00:00Z", "x"));
}
