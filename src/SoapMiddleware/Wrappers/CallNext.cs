namespace SoapMiddleware;

/// <summary>Calls the rest of the chain (the next wrapper, and finally the user's method); returns its result.</summary>
public delegate ValueTask<object?> CallNext(MethodContext context);
