using System.Runtime.Serialization;
using System.ServiceModel;

#pragma warning disable CA1812, SA1402 // Contract shapes only: the cases RefusedContracts used to hold, side by side.

namespace SoapMiddleware.ServiceModel.Tests.Contracts;

/// <summary>Contracts the toolkit once refused at startup and now serves: [XmlAttribute], [CollectionDataContract], [DataMember] fields.</summary>
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
}
