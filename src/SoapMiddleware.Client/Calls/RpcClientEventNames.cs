namespace SoapMiddleware.Client.Calls;

/// <summary>
/// The events of a client call, named as Spyne's client fires them: the call, its request bytes, the accepted response,
/// then its result or error, then the end of the call.
/// </summary>
public static class RpcClientEventNames
{
    /// <summary>Before the request is written: <see cref="RpcCallContext.Arguments"/> may still be changed.</summary>
    public const string MethodCall = "method_call";

    /// <summary>The request bytes are written (<see cref="RpcCallContext.RequestBytes"/>); headers added to <see cref="RpcCallContext.RequestHeaders"/> are sent.</summary>
    public const string MethodReturnString = "method_return_string";

    /// <summary>The response arrived and was read whole (<see cref="RpcCallContext.ResponseBytes"/>, <see cref="RpcCallContext.StatusCode"/>), before it is deserialized.</summary>
    public const string MethodAcceptDocument = "method_accept_document";

    /// <summary>The result is read (<see cref="RpcCallContext.Result"/>).</summary>
    public const string MethodReturnObject = "method_return_object";

    /// <summary>The call failed (<see cref="RpcCallContext.Error"/>): a fault, an HTTP error, a timeout, a cancellation.</summary>
    public const string MethodExceptionObject = "method_exception_object";

    /// <summary>The call is over, whatever its outcome (<see cref="RpcCallContext.Duration"/>).</summary>
    public const string MethodContextClosed = "method_context_closed";
}
