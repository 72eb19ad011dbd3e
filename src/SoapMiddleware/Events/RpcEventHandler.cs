namespace SoapMiddleware;

/// <summary>A listener: receives the call's context. Return <see cref="ValueTask.CompletedTask"/> when synchronous.</summary>
public delegate ValueTask RpcEventHandler(MethodContext context);
