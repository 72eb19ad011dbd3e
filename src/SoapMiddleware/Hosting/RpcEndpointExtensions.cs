using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SoapMiddleware;
using SoapMiddleware.Pipeline;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Serves RPC applications over HTTP: as middleware on a path, or as routed endpoints.</summary>
public static class RpcEndpointExtensions
{
    /// <summary>
    /// Serves the default application (every service added with <c>AddService</c>) at <paramref name="path"/>:
    /// <c>POST</c> for SOAP 1.1 and 1.2 calls, <c>GET ?wsdl</c> and <c>GET ?xsd</c> for the interface documents.
    /// </summary>
    public static IApplicationBuilder UseRpc(this IApplicationBuilder app, PathString path)
    {
        ArgumentNullException.ThrowIfNull(app);
        var handler = CreateHandler(app.ApplicationServices, path, null);
        return app.Map(path, branch => branch.Run(http =>
            string.IsNullOrEmpty(http.Request.Path.Value) || http.Request.Path.Value == "/"
                ? handler.HandleAsync(http)
                : NotFound(http)));
    }

    /// <summary>Maps the default application as an endpoint at <paramref name="pattern"/> (so authorization and CORS policies apply).</summary>
    public static IEndpointConventionBuilder MapRpc(this IEndpointRouteBuilder endpoints, string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.Map(pattern, CreateHandler(endpoints.ServiceProvider, pattern, null).HandleAsync);
    }

    /// <summary>Maps <typeparamref name="TService"/> alone as an endpoint at <paramref name="pattern"/>, with its own WSDL.</summary>
    public static IEndpointConventionBuilder MapRpc<TService>(this IEndpointRouteBuilder endpoints, string pattern) where TService : class
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.Map(pattern, CreateHandler(endpoints.ServiceProvider, pattern, typeof(TService)).HandleAsync);
    }

    private static RpcHttpHandler CreateHandler(IServiceProvider services, string path, Type? serviceType)
    {
        var factory = services.GetService<RpcApplicationFactory>()
            ?? throw new InvalidOperationException("Call services.AddRpc() before mapping RPC endpoints.");
        if (serviceType is not null && services.GetService<IServiceProviderIsService>()?.IsService(serviceType) == false)
        {
            throw new InvalidOperationException(
                $"'{serviceType.FullName}' is not registered for dependency injection: call AddRpc().AddService<{serviceType.Name}>() or register it (scoped) yourself.");
        }

        var application = serviceType is null ? factory.Default : factory.For(serviceType);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("SoapMiddleware.Http");
        RpcLog.Mapped(logger, application.Name, path, application.Operations.Count());
        return new RpcHttpHandler(application, logger);
    }

    private static Task NotFound(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}
