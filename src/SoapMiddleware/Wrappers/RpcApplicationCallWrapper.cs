namespace SoapMiddleware;

/// <summary>
/// Spyne's <c>Application.call_wrapper</c>: the outermost wrapper of every call of the application.
/// Derive from it, override <see cref="InvokeAsync"/>, and register it with <c>UseApplicationCallWrapper&lt;T&gt;()</c>.
/// </summary>
/// <remarks>An override must call <c>base.InvokeAsync(context, next)</c> (or <c>next</c>) for the call to happen.</remarks>
public class RpcApplicationCallWrapper : ICallWrapper
{
    /// <summary>Calls the rest of the chain. Overrides must call the base.</summary>
    public virtual ValueTask<object?> InvokeAsync(MethodContext context, CallNext next) => next(context);
}
