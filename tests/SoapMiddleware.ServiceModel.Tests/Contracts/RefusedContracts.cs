using System.Runtime.Serialization;
using System.ServiceModel;

#pragma warning disable CA1812, SA1402 // Contract shapes only: one file keeps the refusal cases side by side.

namespace SoapMiddleware.ServiceModel.Tests.Contracts;

/// <summary>Contracts using attributes the toolkit refuses at startup, one per family (and two it once refused).</summary>
public static class RefusedContracts
{
    public const string Ns = "http://tests.example.com/refused";

    [ServiceContract(Namespace = Ns), XmlSerializerFormat(Use = OperationFormatUse.Encoded)]
    public interface IXmlSerializerFormat { [OperationContract] int Add(int a, int b); }

    [ServiceContract(Namespace = Ns), XmlSerializerFormat]
    public interface IXmlAttributeComplex { [OperationContract] void Put(WithComplexAttribute value); }

    public sealed class WithComplexAttribute { [System.Xml.Serialization.XmlAttribute("inner")] public WithNamespacedAttribute? Inner { get; set; } }

    [ServiceContract(Namespace = Ns), XmlSerializerFormat]
    public interface IXmlAttributeNamespace { [OperationContract] void Put(WithNamespacedAttribute value); }

    public sealed class WithNamespacedAttribute { [System.Xml.Serialization.XmlAttribute(Namespace = "urn:other")] public int Value { get; set; } }

    [ServiceContract(Namespace = Ns), XmlSerializerFormat]
    public interface IXmlAttributeNullable { [OperationContract] void Put(WithNullableAttribute value); }

    public sealed class WithNullableAttribute { [System.Xml.Serialization.XmlAttribute] public int? Value { get; set; } }

    [ServiceContract(Namespace = Ns), XmlSerializerFormat]
    public interface IXmlArrayItem { [OperationContract] void Put(WithXmlArrayItem value); }

    public sealed class WithXmlArrayItem { [System.Xml.Serialization.XmlArrayItem("entry")] public List<Good> Values { get; set; } = []; }

    [ServiceContract(Namespace = Ns)]
    public interface IMessageContract { [OperationContract] void Send(Envelope request); }

    [MessageContract]
    public sealed class Envelope { [MessageHeader] public string? Token { get; set; } [MessageBodyMember] public int Value { get; set; } }

    [ServiceContract(Namespace = Ns), ServiceKnownType(typeof(Good))]
    public interface IServiceKnownTypeUnrelated { [OperationContract] void Put(Good value); }

    [ServiceContract(Namespace = Ns)]
    public interface IKnownTypeUnrelated { [OperationContract] void Put(WithUnrelatedKnownType value); }

    [DataContract(Namespace = Ns), KnownType(typeof(Good))]
    public class WithUnrelatedKnownType { [DataMember] public int Value { get; set; } }

    [ServiceContract(Namespace = Ns)]
    public interface IKnownTypeMethod { [OperationContract] void Put(WithKnownTypeMethod value); }

    [DataContract(Namespace = Ns), KnownType(nameof(Known))]
    public class WithKnownTypeMethod
    {
        [DataMember] public int Value { get; set; }

        public static Type[] Known() => [typeof(WithKnownTypeMethod)];
    }

    [ServiceContract(Namespace = Ns), XmlSerializerFormat]
    public interface IXmlIncludeUnrelated { [OperationContract] void Put(WithUnrelatedXmlInclude value); }

    [System.Xml.Serialization.XmlInclude(typeof(XmlGoods))]
    public class WithUnrelatedXmlInclude { public int Value { get; set; } }

    [ServiceContract(Namespace = Ns), XmlSerializerFormat, ServiceKnownType(typeof(Good))]
    public interface IServiceKnownTypeInXmlFormat { [OperationContract] void Put(string value); }

    [ServiceContract(Namespace = Ns)]
    public interface ICollectionDictionary { [OperationContract] Scores Get(); }

    [CollectionDataContract(Namespace = Ns, KeyName = "name", ValueName = "score")]
    public sealed class Scores : Dictionary<string, int>;

    [ServiceContract(Namespace = Ns)]
    public interface ICollectionNoNamespace { [OperationContract] void Put(Goods goods); }

    [CollectionDataContract(ItemName = "good")]
    public sealed class Goods : List<Good>;

    [ServiceContract(Namespace = Ns), XmlSerializerFormat]
    public interface ICollectionInXmlFormat { [OperationContract] void Put(XmlGoods goods); }

    [CollectionDataContract(Namespace = Ns)]
    public sealed class XmlGoods : List<string>;

    [ServiceContract(Namespace = Ns)]
    public interface INoNamespace { [OperationContract] NoNamespace Get(); }

    [DataContract]
    public sealed class NoNamespace { [DataMember] public int Value { get; set; } }

    [ServiceContract(Namespace = Ns)]
    public interface IPoco { [OperationContract] Poco Get(); }

    public sealed class Poco { public int Value { get; set; } }

    [ServiceContract(Namespace = Ns)]
    public interface IReadonlyField { [OperationContract] ReadonlyField Get(); }

    [DataContract(Namespace = Ns)]
    public sealed class ReadonlyField { [DataMember] public readonly int Value = 1; }

    [ServiceContract(Namespace = Ns)]
    public interface IFieldOfPoco { [OperationContract] FieldOfPoco Get(); }

    [DataContract(Namespace = Ns)]
    public sealed class FieldOfPoco { [DataMember] public Poco? Inner; }

    [ServiceContract(Namespace = Ns)]
    public interface IGetOnlyMember { [OperationContract] GetOnlyMember Get(); }

    [DataContract(Namespace = Ns)]
    public sealed class GetOnlyMember { [DataMember] public int Value => 1; }

    [ServiceContract(Namespace = Ns)]
    public interface INamedFault { [OperationContract, FaultContract(typeof(Good), Name = "Oops")] void Run(); }

    [ServiceContract(Namespace = Ns)]
    public interface ICatchAll { [OperationContract(Action = "*")] void Any(string text); }

    [ServiceContract(Namespace = Ns)]
    public interface IPrimitiveList { [OperationContract] List<int> Numbers(); }

    [ServiceContract(Namespace = Ns), XmlSerializerFormat]
    public interface IXmlArrayItemFree { [OperationContract] int[] Numbers(); }

    [ServiceContract(Namespace = Ns)]
    public interface IGenericContract { [OperationContract] Box<Good> Get(); }

    [ServiceContract(Namespace = Ns)]
    public interface IPrimitiveBox { [OperationContract] Box<int> Get(); }

    [DataContract(Namespace = Ns)]
    public sealed class Box<T> { [DataMember] public T? Value { get; set; } }

    [ServiceContract(Namespace = Ns, SessionMode = SessionMode.Required)]
    public interface ISession { [OperationContract] void Run(); }

    [DataContract(Namespace = Ns)]
    public sealed class Good { [DataMember] public int Value { get; set; } }
}
