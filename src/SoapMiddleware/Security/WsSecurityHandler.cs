using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Xml;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SoapMiddleware.Security;

/// <summary>
/// The WS-Security UsernameToken profile as an ASP.NET Core authentication handler. Authenticate reads the SOAP
/// request's <c>wsse:Security</c> header (<see cref="SecurityHeaderReader"/>), checks its Timestamp, the token's
/// <c>Created</c> against the clock, the password (text or digest) against <see cref="WsSecurityOptions.ValidateUsernameToken"/>
/// and its nonce against replay; an accepted token makes the user, marks the header understood and asks for a
/// <c>wsu:Timestamp</c> in the response (<see cref="ResponseTimestamp"/>). Challenge and
/// Forbid answer a SOAP request with a SOAP fault (<see cref="WsSecurityFaultWriter"/>), anything else as HTTP does.
/// </summary>
internal sealed class WsSecurityHandler(IOptionsMonitor<WsSecurityOptions> options, ILoggerFactory logger, UrlEncoder encoder, NonceReplayCache nonces)
    : AuthenticationHandler<WsSecurityOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!SecurityHeaderReader.IsSoapRequest(Request, out _))
        {
            return AuthenticateResult.NoResult();
        }

        // Peeking starts the body, after which Kestrel's limit is fixed: an RPC endpoint's own limit is set first. An
        // MTOM request (attachments far beyond Kestrel's 30 MB) is read only where that can be done: MapRpc endpoints.
        var mtom = Protocols.Mtom.MultipartContentType.IsMultipartRelated(Request.ContentType);
        if (Context.GetEndpoint()?.Metadata.GetMetadata<RpcEndpointMetadata>() is { } rpc)
        {
            if (mtom)
            {
                HttpCallRunner.AllowMtomBody(Context, rpc.Options);
            }
            else
            {
                HttpCallRunner.AllowBodyUpTo(Context, rpc.Options.MaxRequestBytes);
            }
        }
        else if (mtom)
        {
            return AuthenticateResult.NoResult();
        }

        SecurityHeader? header = null;
        try
        {
            header = await SecurityHeaderReader.ReadAsync(Request, Options.MaxHeaderBytes, Context.RequestAborted).ConfigureAwait(false);
            if (header is null)
            {
                return AuthenticateResult.NoResult();
            }

            var user = await CheckAsync(header).ConfigureAwait(false);
            (Context.Features.Get<UnderstoodSoapHeaders>() ?? Understood()).Names.Add(WsSecurityNames.Security);
            if (Stamp() is { } stamp)
            {
                Context.Features.Set(stamp);
            }

            return AuthenticateResult.Success(new AuthenticationTicket(user, Scheme.Name));
        }
        catch (WsSecurityFailure failure)
        {
            WsSecurityLog.Refused(Logger, header?.Token?.Username, failure.Code, failure.Message);
            return AuthenticateResult.Fail(failure);
        }
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (!SecurityHeaderReader.IsSoapRequest(Request, out var is12) || Response.HasStarted)
        {
            await base.HandleChallengeAsync(properties).ConfigureAwait(false);
            return;
        }

        var result = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        var refused = result.Failure as WsSecurityFailure;
        var failure = refused ?? WsSecurityFailure.Invalid("The request has no wsse:Security header with a UsernameToken; this service requires one.");

        // A refused header means the caller speaks WS-Security (a request without one gets no Security header back).
        await WsSecurityFaultWriter.WriteAsync(Response, is12, failure.Code, failure.Message, refused is null ? null : Stamp()).ConfigureAwait(false);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        if (!SecurityHeaderReader.IsSoapRequest(Request, out var is12) || Response.HasStarted)
        {
            await base.HandleForbiddenAsync(properties).ConfigureAwait(false);
            return;
        }

        await WsSecurityFaultWriter.WriteAsync(Response, is12, WsSecurityNames.FailedAuthentication, "The authenticated user is not allowed to call this service.", Context.Features.Get<ResponseTimestamp>()).ConfigureAwait(false);
    }

    /// <summary>The response's Timestamp, unless the options turn it off.</summary>
    private ResponseTimestamp? Stamp()
        => Options.IncludeResponseTimestamp ? new ResponseTimestamp(TimeProvider, Options.ResponseTimestampLifetime) : null;

    private UnderstoodSoapHeaders Understood()
    {
        var feature = new UnderstoodSoapHeaders();
        Context.Features.Set(feature);
        return feature;
    }

    /// <summary>The checks in the profile's order; the password is compared only for a token that is otherwise acceptable.</summary>
    private async Task<ClaimsPrincipal> CheckAsync(SecurityHeader header)
    {
        var now = TimeProvider.GetUtcNow();
        var skew = Options.AllowedClockSkew;
        if (header.TimestampExpires is { } expires && Time(expires, "Timestamp's Expires") + skew < now)
        {
            throw new WsSecurityFailure(WsSecurityNames.MessageExpired, "The message's wsu:Timestamp has expired.");
        }

        if (header.TimestampCreated is { } stamped && Time(stamped, "Timestamp's Created") - skew > now)
        {
            throw WsSecurityFailure.Invalid("The message's wsu:Timestamp was created in the future.");
        }

        var token = header.Token ?? throw WsSecurityFailure.Invalid("The wsse:Security header has no UsernameToken.");
        var digest = token.PasswordType == WsSecurityNames.PasswordDigest;
        if (!digest && token.PasswordType is not (null or WsSecurityNames.PasswordText))
        {
            throw WsSecurityFailure.Invalid("The UsernameToken's password type is not PasswordText or PasswordDigest.");
        }

        if (token.Password is null)
        {
            throw WsSecurityFailure.Invalid("The UsernameToken has no Password.");
        }

        if ((digest || Options.RequireNonce) && (token.Nonce is null || token.Created is null))
        {
            throw WsSecurityFailure.Invalid(digest ? "A PasswordDigest token needs a Nonce and a wsu:Created." : "This service needs a Nonce and a wsu:Created in the UsernameToken.");
        }

        DateTimeOffset? created = token.Created is null ? null : Time(token.Created, "token's Created");
        if (created is { } at && (at < now - skew || at > now + skew))
        {
            throw WsSecurityFailure.Failed($"The token's wsu:Created is not within {skew} of the server's clock.");
        }

        var nonce = token.Nonce is null ? null : Nonce(token.Nonce);
        var expected = await Options.ValidateUsernameToken!(token.Username, Context).ConfigureAwait(false);
        var sent = Encoding.UTF8.GetBytes(token.Password);
        var wanted = expected is null ? null : Encoding.UTF8.GetBytes(digest ? UsernameTokenDigest.Compute(nonce, token.Created!, expected) : expected);
        if (wanted is null || !CryptographicOperations.FixedTimeEquals(sent, wanted))
        {
            throw WsSecurityFailure.Failed();
        }

        // Remembered for as long as the token could be accepted: after that its Created is too old anyway.
        var lifetime = (created ?? now) + skew + skew - now;
        if (token.Nonce is not null && !await nonces.TryAddAsync(Scheme.Name, token.Nonce, lifetime, Context.RequestAborted).ConfigureAwait(false))
        {
            throw WsSecurityFailure.Failed("The token's nonce was used already.");
        }

        var type = digest ? "PasswordDigest" : "PasswordText";
        WsSecurityLog.Accepted(Logger, token.Username, type);
        return new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, token.Username, ClaimValueTypes.String, ClaimsIssuer), new Claim(ClaimTypes.NameIdentifier, token.Username, ClaimValueTypes.String, ClaimsIssuer), new Claim(ClaimTypes.AuthenticationMethod, type, ClaimValueTypes.String, ClaimsIssuer)],
            Scheme.Name));
    }

    private static DateTimeOffset Time(string text, string what)
    {
        try
        {
            return XmlConvert.ToDateTimeOffset(text);
        }
        catch (FormatException)
        {
            throw WsSecurityFailure.Invalid($"The {what} is not an xs:dateTime.");
        }
    }

    private static byte[] Nonce(string text)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw WsSecurityFailure.Invalid("The UsernameToken's Nonce is not base64.");
        }
    }
}
