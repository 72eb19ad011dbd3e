namespace SoapMiddleware.Security;

/// <summary>A <c>wsse:UsernameToken</c> as read: the texts exactly as sent (the digest covers <c>Created</c>'s text).</summary>
internal sealed record UsernameToken(string Username, string? Password, string? PasswordType, string? Nonce, string? Created);
