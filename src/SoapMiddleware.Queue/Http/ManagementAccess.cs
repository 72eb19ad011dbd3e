using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SoapMiddleware.Queue.Http;

/// <summary>
/// Who may use the queue's management surface (the JSON API and the dashboard): the authorization policy named by
/// <see cref="RpcQueueOptions.ManagementPolicy"/>, or local requests only when no policy is set.
/// </summary>
internal static class ManagementAccess
{
    /// <summary>Protects every endpoint of <paramref name="group"/>; <paramref name="what"/> names it in the 403 answer.</summary>
    public static void Protect(RouteGroupBuilder group, RpcQueueOptions options, string what)
    {
        if (string.IsNullOrEmpty(options.ManagementPolicy))
        {
            var refusal = $"{what} answers local requests only; set Queue:ManagementPolicy to open it.";
            group.AddEndpointFilter((context, next) => IsLocal(context.HttpContext.Connection)
                ? next(context)
                : ValueTask.FromResult<object?>(Results.Problem(refusal, statusCode: 403)));
        }
        else
        {
            group.RequireAuthorization(options.ManagementPolicy);
        }
    }

    /// <summary>A request from this machine: no remote address (in-process), loopback, or the server's own address.</summary>
    public static bool IsLocal(ConnectionInfo connection)
        => connection.RemoteIpAddress is null
            || IPAddress.IsLoopback(connection.RemoteIpAddress)
            || connection.RemoteIpAddress.Equals(connection.LocalIpAddress);
}
