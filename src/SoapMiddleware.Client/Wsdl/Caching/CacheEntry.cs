using SoapMiddleware.Client.Wsdl.Reading;

namespace SoapMiddleware.Client.Wsdl.Caching;

/// <summary>A cached description, its key (main document's URL and hash, the limits) and every document it was read from.</summary>
internal sealed record CacheEntry(string Key, IReadOnlyList<DocumentFingerprint> Documents, WsdlDescription Description);
