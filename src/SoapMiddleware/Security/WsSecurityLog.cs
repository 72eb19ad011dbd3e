using Microsoft.Extensions.Logging;

namespace SoapMiddleware.Security;

internal static partial class WsSecurityLog
{
    [LoggerMessage(1100, LogLevel.Information, "WS-Security token of {User} refused ({Code}): {Reason}")]
    public static partial void Refused(ILogger logger, string? user, string code, string reason);

    [LoggerMessage(1101, LogLevel.Debug, "WS-Security token of {User} accepted ({PasswordType})")]
    public static partial void Accepted(ILogger logger, string user, string passwordType);
}
