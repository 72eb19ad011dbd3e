using System.ServiceModel;
using static SoapMiddleware.ServiceModel.Tests.Contracts.RefusedContracts;

#pragma warning disable CA1812, SA1402 // Contract shapes only: one file keeps the refusal cases side by side.

namespace SoapMiddleware.ServiceModel.Tests.Contracts;

/// <summary>Message contracts using what the toolkit refuses at startup, one per attribute or shape.</summary>
public static class RefusedMessageContracts
{
    [ServiceContract(Namespace = Ns)]
    public interface IHeaderArray { [OperationContract] void Send(WithHeaderArray request); }

    [MessageContract]
    public sealed class WithHeaderArray { [MessageHeaderArray] public string[]? Tags { get; set; } }

    [ServiceContract(Namespace = Ns)]
    public interface IProperty { [OperationContract] void Send(WithProperty request); }

    [MessageContract]
    public sealed class WithProperty { [MessageProperty] public string? Local { get; set; } [MessageBodyMember] public int Value { get; set; } }

    [ServiceContract(Namespace = Ns)]
    public interface IPocoBody { [OperationContract] void Send(WithPocoBody request); }

    [MessageContract]
    public sealed class WithPocoBody { [MessageBodyMember] public Poco? Value { get; set; } }

    [ServiceContract(Namespace = Ns)]
    public interface IPocoHeader { [OperationContract] void Send(WithPocoHeader request); }

    [MessageContract]
    public sealed class WithPocoHeader { [MessageHeader] public Poco? Value { get; set; } }

    [ServiceContract(Namespace = Ns)]
    public interface IHeaderNamespace { [OperationContract] void Send(WithHeaderNamespace request); }

    [MessageContract]
    public sealed class WithHeaderNamespace { [MessageHeader(Namespace = "urn:other")] public string? Token { get; set; } }

    [ServiceContract(Namespace = Ns)]
    public interface IBodyNamespace { [OperationContract] void Send(WithBodyNamespace request); }

    [MessageContract]
    public sealed class WithBodyNamespace { [MessageBodyMember(Namespace = "urn:other")] public string? Text { get; set; } }

    [ServiceContract(Namespace = Ns)]
    public interface IWrapperNamespace { [OperationContract] void Send(WithWrapperNamespace request); }

    [MessageContract(WrapperNamespace = "urn:other")]
    public sealed class WithWrapperNamespace { [MessageBodyMember] public string? Text { get; set; } }

    [ServiceContract(Namespace = Ns)]
    public interface IUnwrappedTwo { [OperationContract] void Send(UnwrappedTwo request); }

    [MessageContract(IsWrapped = false)]
    public sealed class UnwrappedTwo { [MessageBodyMember] public Good? First { get; set; } [MessageBodyMember] public Good? Second { get; set; } }

    [ServiceContract(Namespace = Ns)]
    public interface IUnwrappedKnownType { [OperationContract] void Send(UnwrappedKnownType request); }

    [MessageContract(IsWrapped = false)]
    public sealed class UnwrappedKnownType { [MessageBodyMember] public FormerlyRefusedContracts.WithKnownType? Value { get; set; } }

    [ServiceContract(Namespace = Ns)]
    public interface IUnwrappedPrimitive { [OperationContract] void Send(UnwrappedPrimitive request); }

    [MessageContract(IsWrapped = false)]
    public sealed class UnwrappedPrimitive { [MessageBodyMember] public string? Text { get; set; } }

    [ServiceContract(Namespace = Ns)]
    public interface IGetOnlyBody { [OperationContract] void Send(GetOnlyBody request); }

    [MessageContract]
    public sealed class GetOnlyBody { [MessageBodyMember] public int Value => 1; }

    [ServiceContract(Namespace = Ns)]
    public interface IBesideParameters { [OperationContract] void Send(Envelope request, int extra); }

    [ServiceContract(Namespace = Ns)]
    public interface IPlainResult { [OperationContract] int Send(Envelope request); }

    [ServiceContract(Namespace = Ns)]
    public interface IPlainParameters { [OperationContract] Envelope Get(int id); }

    [ServiceContract(Namespace = Ns)]
    public interface INoParameters { [OperationContract] Envelope Get(); }

    [ServiceContract(Namespace = Ns)]
    public interface INested { [OperationContract] void Put(Holder value); }

    [System.Runtime.Serialization.DataContract(Namespace = Ns)]
    public sealed class Holder { [System.Runtime.Serialization.DataMember] public Envelope? Inner { get; set; } }

    [ServiceContract(Namespace = Ns)]
    public interface IHeaderNamedAsWrapper { [OperationContract] void Send(HeaderNamedAsWrapper request); }

    [MessageContract]
    public sealed class HeaderNamedAsWrapper { [MessageHeader(Name = "HeaderNamedAsWrapper")] public string? Token { get; set; } }

    [ServiceContract(Namespace = Ns)]
    public interface IHeaderTypesClash { [OperationContract] void Send(Envelope request); [OperationContract] void Other(OtherToken request); }

    [MessageContract]
    public sealed class OtherToken { [MessageHeader] public int Token { get; set; } }
}
