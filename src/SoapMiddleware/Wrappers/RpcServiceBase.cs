namespace SoapMiddleware;

/// <summary>
/// An optional base class for services, with Spyne's service-level <c>call_wrapper</c>: the innermost wrapper,
/// around each of this service's methods.
/// </summary>
public abstract class RpcServiceBase
{
    /// <summary>
    /// Wraps each call of this service's methods. An override must call <c>base.CallWrapperAsync(context, next)</c>,
    /// which calls the method; not calling it skips the method (a deliberate short-circuit).
    /// </summary>
    protected virtual ValueTask<object?> CallWrapperAsync(MethodContext context, CallNext next) => next(context);

    /// <summary>Lets the pipeline's core call the protected hook.</summary>
    internal ValueTask<object?> InvokeCallWrapperAsync(MethodContext context, CallNext next) => CallWrapperAsync(context, next);
}
