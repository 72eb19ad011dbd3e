using Microsoft.Extensions.Logging;

namespace SoapMiddleware.Client.Wsdl.Caching;

/// <summary>What the description cache skips, and why: each is logged and the import goes on without that entry.</summary>
internal static partial class WsdlCacheLog
{
    [LoggerMessage(7101, LogLevel.Warning, "WSDL cache: the folder {Folder} cannot be used ({Reason}); descriptions are cached in memory only")]
    public static partial void FolderUnusable(ILogger logger, string folder, string reason);

    [LoggerMessage(7102, LogLevel.Warning, "WSDL cache: skipped {File}: another user owns it")]
    public static partial void NotOwned(ILogger logger, string file);

    [LoggerMessage(7103, LogLevel.Warning, "WSDL cache: skipped {File}: {Reason}")]
    public static partial void Unreadable(ILogger logger, string file, string reason);

    [LoggerMessage(7104, LogLevel.Warning, "WSDL cache: could not write {File}: {Reason}")]
    public static partial void NotWritten(ILogger logger, string file, string reason);

    [LoggerMessage(7105, LogLevel.Debug, "WSDL cache: {Location} is cached but {Document} changed; importing again")]
    public static partial void Stale(ILogger logger, Uri location, Uri document);
}
