namespace SoapMiddleware;

/// <summary>Which messages carry a <see cref="RpcHeaderAttribute"/> header.</summary>
public enum RpcHeaderDirection
{
    /// <summary>The request only.</summary>
    In,

    /// <summary>The response only.</summary>
    Out,

    /// <summary>Both the request and the response.</summary>
    InOut,
}
