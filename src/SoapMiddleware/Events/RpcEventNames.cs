namespace SoapMiddleware;

/// <summary>
/// The event names, as Spyne spells them. Listeners at application, service and method level fire in that order.
/// </summary>
/// <remarks>
/// <c>method_accept_document</c> is a client-side event in Spyne (the client accepted a response document);
/// this toolkit has no client yet, so the server never fires it.
/// </remarks>
public static class RpcEventNames
{
    /// <summary>A context was created for an incoming call (first thing in <c>GetInObject</c>).</summary>
    public const string MethodContextCreated = "method_context_created";

    /// <summary>The arguments are read and the method is about to be called (before the call wrappers).</summary>
    public const string MethodCall = "method_call";

    /// <summary>The method (or a wrapper) returned; <see cref="MethodContext.OutObject"/> is set.</summary>
    public const string MethodReturnObject = "method_return_object";

    /// <summary>Reading the request or calling the method failed; <see cref="MethodContext.Error"/> is set.</summary>
    public const string MethodExceptionObject = "method_exception_object";

    /// <summary>The result document is built; <see cref="MethodContext.OutDocument"/> may still be changed.</summary>
    public const string MethodReturnDocument = "method_return_document";

    /// <summary>The fault document is built.</summary>
    public const string MethodExceptionDocument = "method_exception_document";

    /// <summary>The result bytes are ready in <see cref="MethodContext.OutString"/>.</summary>
    public const string MethodReturnString = "method_return_string";

    /// <summary>The fault bytes are ready.</summary>
    public const string MethodExceptionString = "method_exception_string";

    /// <summary>The transport finished with the call (response written or task recorded).</summary>
    public const string MethodContextClosed = "method_context_closed";

    /// <summary>Before the protocol reads the arguments from the body document.</summary>
    public const string BeforeDeserialize = "before_deserialize";

    /// <summary>After the protocol read the arguments (only when it succeeded).</summary>
    public const string AfterDeserialize = "after_deserialize";

    /// <summary>Before the protocol writes the result or fault document.</summary>
    public const string BeforeSerialize = "before_serialize";

    /// <summary>After the protocol wrote the result or fault document.</summary>
    public const string AfterSerialize = "after_serialize";

    /// <summary>An HTTP request reached the endpoint (Spyne's <c>wsgi_call</c>).</summary>
    public const string HttpCall = "http_call";

    /// <summary>The HTTP response was written without a fault (Spyne's <c>wsgi_return</c>).</summary>
    public const string HttpReturn = "http_return";

    /// <summary>The HTTP response carried a fault (Spyne's <c>wsgi_exception</c>).</summary>
    public const string HttpException = "http_exception";

    /// <summary>An interface document (WSDL) was built; <see cref="MethodContext.OutDocument"/> holds it and may be changed before it is cached.</summary>
    public const string InterfaceDocumentBuilt = "interface_document_built";
}
