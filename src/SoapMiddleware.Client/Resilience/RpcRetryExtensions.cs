using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;
using SoapMiddleware.Client.Resilience;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Retries of idempotent calls, through Microsoft.Extensions.Http.Resilience (Polly): <c>services.AddRpcClient&lt;T&gt;(...).AddRetries()</c>.</summary>
public static class RpcRetryExtensions
{
    /// <summary>
    /// Sends an idempotent call again (<see cref="RpcIdempotentAttribute"/>, <c>RpcClientOptions.IdempotentOperations</c>)
    /// when it failed on the way: the connection failed or was reset, or the answer was 408, 429, 502, 503 or 504. By
    /// default 3 more attempts, exponential back-off from 2 s with jitter, honouring <c>Retry-After</c>. A SOAP fault
    /// (HTTP 500 with a fault) is an answer, not a transient failure, and is not retried; a call that is not idempotent
    /// is never sent twice. The client's <c>Timeout</c> bounds the call, retries included.
    /// </summary>
    /// <param name="builder">The HTTP client of the RPC client, as <c>AddRpcClient&lt;T&gt;</c> returns it.</param>
    /// <param name="configure">Changes the retry options (attempts, delays, <c>ShouldHandle</c>: whatever it says, only idempotent calls are retried).</param>
    /// <returns>The resilience pipeline's builder.</returns>
    public static IHttpResiliencePipelineBuilder AddRetries(this IHttpClientBuilder builder, Action<HttpRetryStrategyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddResilienceHandler("rpc-retries", pipeline =>
        {
            var options = new HttpRetryStrategyOptions { ShouldHandle = IsTransientAsync };
            configure?.Invoke(options);
            var shouldHandle = options.ShouldHandle;
            options.ShouldHandle = args => RpcClientRequests.IsIdempotent(args.Context.GetRequestMessage()) ? shouldHandle(args) : PredicateResult.False();
            pipeline.AddRetry(options);
        });
    }

    private static ValueTask<bool> IsTransientAsync(RetryPredicateArguments<HttpResponseMessage> args) => ValueTask.FromResult(args.Outcome switch
    {
        { Exception: HttpRequestException } => true,
        { Exception: Polly.Timeout.TimeoutRejectedException } => true,
        { Result.StatusCode: HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout } => true,
        _ => false,
    });
}
