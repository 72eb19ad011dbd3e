namespace SoapMiddleware;

/// <summary>
/// The current call's <see cref="MethodContext"/>, for services and their dependencies (like
/// <c>IHttpContextAccessor</c>). Injected scoped: within a call's scope it returns that call's context.
/// </summary>
/// <remarks>
/// Lets a method keep a plain signature, such as <c>Sleep(int seconds)</c>, and still report progress or observe
/// cancellation, so a typed enqueue reads <c>queue.EnqueueAsync&lt;Calc&gt;(s =&gt; s.Sleep(5))</c>.
/// </remarks>
public interface IMethodContextAccessor
{
    /// <summary>The context of the call running in this scope, or null outside a call.</summary>
    MethodContext? MethodContext { get; }
}
