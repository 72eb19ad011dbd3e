namespace SoapMiddleware.Client.Wsdl.Reading;

/// <summary>
/// A document an import asked for, and the SHA-256 of what it read there; a null hash records an import that could
/// not be opened (so a cached description is stale once it can be).
/// </summary>
internal sealed record DocumentFingerprint(Uri Location, byte[]? Hash);
