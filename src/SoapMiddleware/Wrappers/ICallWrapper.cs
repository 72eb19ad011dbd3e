namespace SoapMiddleware;

/// <summary>
/// Code around every call: logging, authorization, transactions, caching, metrics. Registered wrappers form an
/// ordered chain around the core, which calls the user's method and knows nothing of wrappers.
/// </summary>
/// <remarks>
/// A wrapper may read or replace <see cref="MethodContext.InObject"/> before calling <c>next</c>,
/// return a result without calling it (short-circuit), throw an <see cref="RpcFault"/>, catch and translate
/// exceptions from <c>next</c>, read request headers and set response headers, and time the call.
/// The same chain runs for HTTP calls and queued calls; <see cref="MethodContext.Transport"/> tells which.
/// Order, outermost first: the application wrapper (<see cref="RpcApplicationCallWrapper"/>), wrappers registered with
/// <c>AddCallWrapper</c> in registration order, <see cref="RpcCallWrapperAttribute"/> on the service class, then on the
/// method, then the service's own <see cref="RpcServiceBase.CallWrapperAsync"/>, then the method.
/// </remarks>
public interface ICallWrapper
{
    /// <summary>Wraps the call; call <c>next</c> to go on and return (or replace) its result.</summary>
    ValueTask<object?> InvokeAsync(MethodContext context, CallNext next);
}
