using Microsoft.AspNetCore.Http;

namespace SoapMiddleware;

/// <summary>The HTTP transport: the ASP.NET Core request that carried the call.</summary>
public sealed class HttpRpcTransport(HttpContext httpContext) : RpcTransport
{
    /// <inheritdoc />
    public override string Name => "http";

    /// <summary>The request's <see cref="HttpContext"/>.</summary>
    public HttpContext HttpContext { get; } = httpContext;

    /// <summary>The remote address of the caller, when known.</summary>
    public string? RemoteAddress => HttpContext.Connection.RemoteIpAddress?.ToString();
}
