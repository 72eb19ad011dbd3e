namespace SoapMiddleware.Client.Transport;

/// <summary>A response body larger than <c>RpcClientOptions.MaxResponseBytes</c>: reading stopped at the limit.</summary>
public sealed class RpcResponseTooLargeException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="limit">The limit, in bytes.</param>
    /// <param name="declaredLength">The Content-Length the response declared, or null when it declared none.</param>
    /// <param name="operation">The operation called.</param>
    public RpcResponseTooLargeException(long limit, long? declaredLength, string operation)
        : base($"The response to '{operation}' is larger than MaxResponseBytes ({limit} bytes){(declaredLength is { } length ? $": it declares {length} bytes" : "")}; raise RpcClientOptions.MaxResponseBytes if such responses are expected.")
    {
        Limit = limit;
        DeclaredLength = declaredLength;
        Operation = operation;
    }

    /// <summary>The limit, in bytes.</summary>
    public long Limit { get; }

    /// <summary>The Content-Length the response declared, or null.</summary>
    public long? DeclaredLength { get; }

    /// <summary>The operation called.</summary>
    public string Operation { get; }
}
