namespace SoapMiddleware;

/// <summary>Holds the call's context for its scope; the pipeline's core sets it just before the method runs.</summary>
internal sealed class MethodContextAccessor : IMethodContextAccessor
{
    public MethodContext? MethodContext { get; set; }
}
