namespace SoapMiddleware;

/// <summary>
/// Wraps every method of a service class, or one method, with an <see cref="ICallWrapper"/>.
/// The wrapper is taken from dependency injection when registered there, else created with its constructor's
/// dependencies resolved from the call's services.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RpcCallWrapperAttribute(Type wrapperType) : Attribute
{
    /// <summary>The <see cref="ICallWrapper"/> type.</summary>
    public Type WrapperType { get; } = wrapperType;
}
