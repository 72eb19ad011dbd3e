using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace SoapMiddleware.Security;

/// <summary>
/// The WS-Security UsernameToken scheme (<c>AddAuthentication().AddWsSecurity(o =&gt; ...)</c>): where passwords come
/// from, and how far the sender's clock and the message's age may be off. The clock is
/// <see cref="AuthenticationSchemeOptions.TimeProvider"/> (the system clock unless set).
/// </summary>
public sealed class WsSecurityOptions : AuthenticationSchemeOptions
{
    /// <summary>
    /// Returns the password of a user name, or <see langword="null"/> for an unknown user; the handler compares it with
    /// the token (<c>PasswordText</c>) or recomputes the token's digest from it (<c>PasswordDigest</c>). Required.
    /// The <see cref="HttpContext"/> gives the request's services (<c>ctx.RequestServices</c>).
    /// </summary>
    public Func<string, HttpContext, Task<string?>>? ValidateUsernameToken { get; set; }

    /// <summary>
    /// How far a token's <c>wsu:Created</c> (and a <c>wsu:Timestamp</c>'s <c>Created</c> and <c>Expires</c>) may be
    /// from this server's clock, either way. Default 5 minutes. A nonce is remembered for as long as its token can be
    /// accepted, so a replay inside the window is refused and one after it fails on its <c>Created</c>.
    /// </summary>
    public TimeSpan AllowedClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The most bytes of a request looked at for its Security header: the envelope's start and the whole SOAP Header
    /// must fit. Default 65,536; a Security header that does not end within them is refused with <c>wsse:InvalidSecurity</c>.
    /// </summary>
    public int MaxHeaderBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Whether a <c>PasswordText</c> token must carry a nonce and a <c>wsu:Created</c> too (so it cannot be replayed).
    /// Default <see langword="false"/>: many clients send a bare user name and password over TLS. A
    /// <c>PasswordDigest</c> token always needs both.
    /// </summary>
    public bool RequireNonce { get; set; }

    /// <summary>
    /// Whether the SOAP response to a request whose token this scheme accepted carries a <c>wsse:Security</c> header
    /// (marked <c>mustUnderstand</c>) holding a <c>wsu:Timestamp</c>: <c>Created</c> when the response is written,
    /// <c>Expires</c> <see cref="ResponseTimestampLifetime"/> later. Default <see langword="true"/>: the .NET WCF
    /// client's <c>TransportWithMessageCredential</c> binding refuses a response without one. Results and the
    /// service's faults carry it, and so does the fault of a refused token (WCF then reads its code); a request
    /// without a Security header gets none back.
    /// </summary>
    public bool IncludeResponseTimestamp { get; set; } = true;

    /// <summary>
    /// How long a response's <c>wsu:Timestamp</c> says it is good for (<c>Expires</c> − <c>Created</c>). Default
    /// 5 minutes (WCF's own); at least one second.
    /// </summary>
    public TimeSpan ResponseTimestampLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        if (ValidateUsernameToken is null)
        {
            throw new InvalidOperationException("WsSecurityOptions.ValidateUsernameToken is not set: give a function that returns a user's password, or null for an unknown user.");
        }

        if (AllowedClockSkew <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("WsSecurityOptions.AllowedClockSkew must be positive.");
        }

        // Written to the millisecond, and WCF refuses a Timestamp whose Expires is not after its Created.
        if (IncludeResponseTimestamp && ResponseTimestampLifetime < TimeSpan.FromSeconds(1))
        {
            throw new InvalidOperationException("WsSecurityOptions.ResponseTimestampLifetime must be at least one second (or set IncludeResponseTimestamp to false).");
        }
    }
}
