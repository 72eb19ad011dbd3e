using System.Security.Cryptography;
using System.Text;

namespace SoapMiddleware.Security;

/// <summary>The UsernameToken profile's password digest: <c>Base64(SHA-1(nonce + created + password))</c>.</summary>
public static class UsernameTokenDigest
{
    /// <summary>Computes the digest the profile defines.</summary>
    /// <param name="nonce">The nonce's bytes (the <c>wsse:Nonce</c> element's base64 text, decoded).</param>
    /// <param name="created">The <c>wsu:Created</c> element's text, exactly as sent.</param>
    /// <param name="password">The password.</param>
    /// <returns>The base64 text of the <c>wsse:Password</c> element.</returns>
    public static string Compute(ReadOnlySpan<byte> nonce, string created, string password)
    {
        ArgumentNullException.ThrowIfNull(created);
        ArgumentNullException.ThrowIfNull(password);
        var text = Encoding.UTF8.GetBytes(created + password);
        var input = new byte[nonce.Length + text.Length];
        nonce.CopyTo(input);
        text.CopyTo(input, nonce.Length);

        // SHA-1 is what the OASIS profile names; it is not used here for anything but that formula.
#pragma warning disable CA5350
        return Convert.ToBase64String(SHA1.HashData(input));
#pragma warning restore CA5350
    }
}
