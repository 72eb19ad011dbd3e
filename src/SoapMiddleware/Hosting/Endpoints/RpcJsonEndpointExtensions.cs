using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SoapMiddleware;
using SoapMiddleware.Interface.OpenApi;
using SoapMiddleware.Pipeline;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Serves the default RPC application as JSON, as HTTP RPC (query string) and its OpenAPI document.</summary>
public static class RpcJsonEndpointExtensions
{
    /// <summary>
    /// Maps JSON calls: <c>POST {prefix}/{operation}</c> with the arguments object (<c>{"a":1,"b":2}</c>) and
    /// <c>POST {prefix}</c> with an object naming the operation (<c>{"Add": {"a":1,"b":2}}</c>). The result is
    /// <c>{"AddResult": 3}</c>; a fault is <c>{"fault": {"code", "message", "subcode", "detail"}}</c> with 400 (Client) or 500.
    /// </summary>
    /// <returns>A builder for both endpoints, so authorization and CORS policies apply to them.</returns>
    public static IEndpointConventionBuilder MapRpcJson(this IEndpointRouteBuilder endpoints, string prefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var operationPattern = prefix.TrimEnd('/') + "/{" + RpcHttpHandler.OperationRouteKey + "}";
        var handler = RpcEndpointExtensions.CreateHandler(endpoints.ServiceProvider, [prefix.TrimEnd('/'), operationPattern], null, null, "json");
        var group = endpoints.MapGroup(prefix);
        group.Map("", handler.HandleAsync);
        group.Map("{" + RpcHttpHandler.OperationRouteKey + "}", handler.HandleAsync);
        return group;
    }

    /// <summary>
    /// Maps HTTP RPC calls (Spyne's <c>HttpRpc</c>): <c>GET {prefix}/{operation}?a=1&amp;b=2</c>, primitive and enum
    /// arguments in the query string, the result and faults as JSON.
    /// </summary>
    public static IEndpointConventionBuilder MapRpcHttp(this IEndpointRouteBuilder endpoints, string prefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var pattern = prefix.TrimEnd('/') + "/{" + RpcHttpHandler.OperationRouteKey + "}";
        var handler = RpcEndpointExtensions.CreateHandler(endpoints.ServiceProvider, [pattern], null, p => p.In("httprpc").Out("json"));
        return endpoints.Map(pattern, handler.HandleAsync);
    }

    /// <summary>
    /// Serves an OpenAPI 3.0 document (JSON) of the default application at <paramref name="pattern"/>: the endpoints
    /// mapped (in any order) with <see cref="MapRpcJson"/>, <see cref="MapRpcHttp"/> and <c>MapRpc</c> that read a protocol
    /// other than SOAP (JSON, HTTP RPC, MessagePack, yours), each with the media types its protocols read and write, and
    /// schemas from the type model. SOAP endpoints are described by their WSDL. Built once on first request and cached.
    /// </summary>
    public static IEndpointConventionBuilder MapRpcOpenApi(this IEndpointRouteBuilder endpoints, string pattern = "/openapi/v1.json")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return MapOpenApi(endpoints, pattern, Resolve(endpoints, pattern, null).Application);
    }

    /// <summary>
    /// Serves the OpenAPI document of <typeparamref name="TService"/> as mapped alone with <c>MapRpc&lt;TService&gt;</c>:
    /// its endpoints that read a protocol other than SOAP, as <see cref="MapRpcOpenApi"/> describes them.
    /// </summary>
    public static IEndpointConventionBuilder MapRpcOpenApi<TService>(this IEndpointRouteBuilder endpoints, string pattern)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return MapOpenApi(endpoints, pattern, Resolve(endpoints, pattern, typeof(TService)).Application);
    }

    private static IEndpointConventionBuilder MapOpenApi(IEndpointRouteBuilder endpoints, string pattern, RpcApplication application)
    {
        // Built on first request, when every endpoint is mapped whatever the order of the Map calls; then cached.
        var mapped = endpoints.ServiceProvider.GetRequiredService<RpcEndpointRegistry>();
        var document = new Lazy<byte[]>(() => OpenApiBuilder.Build(application.Description, application.Options, mapped.Of(application.Description)));
        return endpoints.MapGet(pattern, (HttpContext http) =>
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            var bytes = document.Value;
            http.Response.ContentLength = bytes.Length;
            return http.Response.Body.WriteAsync(bytes, http.RequestAborted).AsTask();
        });
    }

    private static (RpcApplication Application, ILogger Logger) Resolve(IEndpointRouteBuilder endpoints, string path, Type? serviceType)
    {
        var factory = endpoints.ServiceProvider.GetService<RpcApplicationFactory>()
            ?? throw new InvalidOperationException("Call services.AddRpc() before mapping RPC endpoints.");
        var application = serviceType is null ? factory.Default : factory.For(serviceType);
        var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("SoapMiddleware.Http");
        RpcLog.MappedOpenApi(logger, application.Name, path);
        return (application, logger);
    }
}
