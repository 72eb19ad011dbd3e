using System.Runtime.Serialization;
using System.ServiceModel;

#pragma warning disable CA1812, SA1402 // Contract shapes only: the cases RefusedContracts used to hold, side by side.

namespace SoapMiddleware.ServiceModel.Tests.Contracts;

/// <summary>Contracts the toolkit once refused at startup and now serves: [XmlAttribute], [CollectionDataContract], [DataMember] fields, [KnownType], [ServiceKnownType], [XmlInclude].</summary>
public static class FormerlyRefusedContracts
{
    public const string Ns = RefusedContracts.Ns;

    [ServiceContract(Namespace = Ns), XmlSerializerFormat]
    public interface IXmlAttribute { [OperationContract] void Put(WithXmlAttribute value); }

    public sealed class WithXmlAttribute { [System.Xml.Serialization.XmlAttribute] public int Value { get; set; } }

    [ServiceContract(Namespace = Ns)]
    public interface ICollectionDataContract { [OperationContract] Names Get(); }

    [CollectionDataContract(Namespace = Ns, ItemName = "name")]
    public sealed class Names : List<string>;

    [ServiceContract(Namespace = Ns)]
    public interface IFieldMember { [OperationContract] FieldMember Get(); }

    [DataContract(Namespace = Ns)]
    public sealed class FieldMember { [DataMember] public int Value; }

    [ServiceContract(Namespace = Ns), XmlSerializerFormat]
    public interface IXmlInclude { [OperationContract] void Put(WithXmlInclude value); }

    [System.Xml.Serialization.XmlInclude(typeof(DerivedXmlInclude))]
    public class WithXmlInclude { public int Value { get; set; } }

    public sealed class DerivedXmlInclude : WithXmlInclude { public int Extra { get; set; } }

    [ServiceContract(Namespace = Ns)]
    public interface IKnownType { [OperationContract] void Put(WithKnownType value); }

    [DataContract(Namespace = Ns), KnownType(typeof(DerivedKnownType))]
    public class WithKnownType { [DataMember] public int Value { get; set; } }

    [DataContract(Namespace = Ns)]
    public sealed class DerivedKnownType : WithKnownType { [DataMember] public int Extra { get; set; } }

    [ServiceContract(Namespace = Ns), ServiceKnownType(typeof(ServiceKnownDerived))]
    public interface IServiceKnownType { [OperationContract] void Put(ServiceKnownBase value); }

    [DataContract(Namespace = Ns)]
    public class ServiceKnownBase { [DataMember] public int Value { get; set; } }

    [DataContract(Namespace = Ns)]
    public sealed class ServiceKnownDerived : ServiceKnownBase { [DataMember] public string? Name { get; set; } }
}
