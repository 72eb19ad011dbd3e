namespace SoapMiddleware.Pipeline;

/// <summary>
/// The three stages every transport runs a call through (Spyne's <c>ServerBase</c>):
/// <see cref="GetInObject"/>, <see cref="GetOutObject"/>, <see cref="GetOutString"/>.
/// </summary>
public sealed class RpcPipeline
{
    private readonly RpcApplication _application;

    internal RpcPipeline(RpcApplication application) => _application = application;

    /// <summary>Reads InString; sets InDocument, the header and body documents, Operation, InObject — or InError.</summary>
    public void GetInObject(MethodContext context) => throw new NotImplementedException();

    /// <summary>Reads InObject; calls the method; sets OutObject — or OutError.</summary>
    public ValueTask GetOutObject(MethodContext context) => throw new NotImplementedException();

    /// <summary>Reads OutObject or the error; sets OutDocument, OutString and OutContentType.</summary>
    public void GetOutString(MethodContext context) => throw new NotImplementedException();
}
