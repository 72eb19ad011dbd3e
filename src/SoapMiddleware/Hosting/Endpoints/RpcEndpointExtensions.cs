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
    /// This is middleware on a path, outside endpoint routing: no authorization, CORS or rate-limiting policy reaches it.
    /// Use <see cref="MapRpc(IEndpointRouteBuilder, string, Action{RpcProtocolSelection}?)"/> and
    /// <c>.RequireAuthorization()</c> when a policy must apply.
    /// </summary>
    public static IApplicationBuilder UseRpc(this IApplicationBuilder app, PathString path)
    {
        ArgumentNullException.ThrowIfNull(app);
        var handler = CreateHandler(app.ApplicationServices, [path.Value ?? "/"], null, null);
        return app.Map(path, branch => branch.Run(http =>
            string.IsNullOrEmpty(http.Request.Path.Value) || http.Request.Path.Value == "/"
                ? handler.HandleAsync(http)
                : NotFound(http)));
    }

    /// <summary>
    /// Maps the default application as an endpoint at <paramref name="pattern"/> (so authorization and CORS policies
    /// apply): SOAP 1.1 and 1.2 unless <paramref name="protocols"/> chooses others, e.g.
    /// <c>p =&gt; p.In("soap11", "msgpack").Out("soap11", "msgpack")</c>. A pattern with an <c>{operation}</c> segment
    /// takes the operation from the path (JSON, HTTP RPC).
    /// </summary>
    public static IEndpointConventionBuilder MapRpc(this IEndpointRouteBuilder endpoints, string pattern, Action<RpcProtocolSelection>? protocols = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return Map(endpoints, pattern, CreateHandler(endpoints.ServiceProvider, [pattern], null, protocols));
    }

    /// <summary>
    /// Maps <typeparamref name="TService"/> alone as an endpoint at <paramref name="pattern"/>, with its own WSDL;
    /// SOAP 1.1 and 1.2 unless <paramref name="protocols"/> chooses others.
    /// </summary>
    public static IEndpointConventionBuilder MapRpc<TService>(this IEndpointRouteBuilder endpoints, string pattern, Action<RpcProtocolSelection>? protocols = null) where TService : class
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return Map(endpoints, pattern, CreateHandler(endpoints.ServiceProvider, [pattern], typeof(TService), protocols));
    }

    /// <summary>
    /// Resolves the application and the protocols of an endpoint and creates its handler; records each of
    /// <paramref name="patterns"/> (the routes the handler serves) for the OpenAPI document.
    /// </summary>
    internal static RpcHttpHandler CreateHandler(IServiceProvider services, string[] patterns, Type? serviceType, Action<RpcProtocolSelection>? protocols, params string[] defaults)
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
        RpcLog.Mapped(logger, application.Name, string.Join(", ", patterns), application.Operations.Count());
        var selection = new RpcProtocolSelection();
        if (protocols is null)
        {
            selection.In(defaults.Length == 0 ? ["soap11", "soap12"] : defaults);
        }
        else
        {
            protocols(selection);
        }

        var mapping = RpcProtocolMapping.Resolve(application, selection);
        var endpoints = services.GetRequiredService<RpcEndpointRegistry>();
        foreach (var pattern in patterns)
        {
            endpoints.Record(application.Description, pattern, mapping);
        }

        return new RpcHttpHandler(application, mapping, logger);
    }

    private static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints, string pattern, RpcHttpHandler handler)
        => endpoints.Map(pattern, handler.HandleAsync).WithMetadata(new RpcEndpointMetadata(handler.Options));

    private static Task NotFound(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}
