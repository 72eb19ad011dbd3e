namespace SoapMiddleware.Protocols.Soap;

/// <summary>SOAP 1.1 or 1.2, document/literal wrapped.</summary>
internal sealed partial class SoapProtocol(RpcApplication application, SoapVersion version) : IRpcProtocol
{
    public string Name => version.Name;

    public SoapVersion Version => version;

    internal RpcApplication Application => application;

    public void CreateInDocument(MethodContext context) => throw new NotImplementedException();

    public void DecomposeIncomingEnvelope(MethodContext context) => throw new NotImplementedException();

    public void Deserialize(MethodContext context) => throw new NotImplementedException();

    public void Serialize(MethodContext context) => throw new NotImplementedException();

    public void SerializeFault(MethodContext context) => throw new NotImplementedException();

    public void CreateOutString(MethodContext context) => throw new NotImplementedException();
}
