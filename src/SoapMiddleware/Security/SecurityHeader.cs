namespace SoapMiddleware.Security;

/// <summary>A request's <c>wsse:Security</c> header entry as read: its token and its <c>wsu:Timestamp</c>, either possibly absent.</summary>
internal sealed record SecurityHeader(UsernameToken? Token, string? TimestampCreated, string? TimestampExpires, bool Is12);
