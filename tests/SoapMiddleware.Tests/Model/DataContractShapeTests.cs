using System.Runtime.Serialization;
using System.Xml.Linq;
using System.Xml.Serialization;
using SoapMiddleware.Model;
using static SoapMiddleware.Tests.Model.ModelTestHelpers;

namespace SoapMiddleware.Tests.Model;

/// <summary>The type model reads [DataContract]/[DataMember] as DataContractSerializer does, and the Xml* names.</summary>
public sealed class DataContractShapeTests
{
    [Fact]
    public void GetType_DataContract_BaseFirstThenOrderThenOrdinalName()
    {
        var type = NewModel().GetType(typeof(DerivedContract));

        Assert.Equal("Derived", type.SchemaName.Name);
        Assert.Equal(["a", "z", "Late", "Middle", "b"], type.Members.Select(m => m.Name));
    }

    [Fact]
    public void Members_DataMemberFlags_OccursNillableOmit()
    {
        var members = NewModel().GetType(typeof(DerivedContract)).Members.ToDictionary(m => m.Name);

        Assert.Equal(1, members["a"].MinOccurs);
        Assert.Equal(0, members["z"].MinOccurs);
        Assert.True(members["z"].IsNillable);
        Assert.False(members["Late"].IsNillable);
        Assert.True(members["Middle"].OmitDefault);
    }

    [Fact]
    public void WriteValue_DataContract_NullIsNilAndEmitDefaultValueFalseOmitted()
    {
        var serializer = new XmlModelSerializer(NewModel());
        var type = serializer.Model.GetType(typeof(DerivedContract));

        var written = serializer.WriteValue(Tns + "x", type, new DerivedContract { A = 1, B = 2 });

        Assert.Equal(["a", "z", "Late", "b"], written.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("true", written.Element(Tns + "z")!.Attribute(XmlNames.Nil)!.Value);
        var read = Assert.IsType<DerivedContract>(serializer.ReadValue(written, type));
        Assert.Equal((1, 2, null, 0), (read.A, read.B, read.Z, read.Middle));
    }

    [Fact]
    public void GetType_XmlNames_TypeElementAndEnumRenamed()
    {
        var model = NewModel();
        var type = model.GetType(typeof(XmlNamed));

        Assert.Equal("Renamed", type.SchemaName.Name);
        Assert.Equal(["label", "Shade"], type.Members.Select(m => m.Name));
        Assert.Equal(["light-red", "Blue"], model.GetType(typeof(Shade)).EnumNames);
    }

    [DataContract(Namespace = Ns)]
    public class BaseContract
    {
        [DataMember(Name = "z")]
        public string? Z { get; set; }

        [DataMember(Name = "a", IsRequired = true)]
        public int A { get; set; }

        [DataMember(Order = 5)]
        public int Late { get; set; }
    }

    [DataContract(Name = "Derived", Namespace = Ns)]
    public sealed class DerivedContract : BaseContract
    {
        [DataMember(EmitDefaultValue = false)]
        public int Middle { get; set; }

        [DataMember(Name = "b")]
        public int B { get; set; }

        public int NotAMember { get; set; }
    }

    [XmlType("Renamed")]
    public sealed class XmlNamed
    {
        [XmlElement("label")]
        public string Label { get; set; } = "";

        public Shade Shade { get; set; }
    }

    public enum Shade
    {
        [XmlEnum("light-red")]
        LightRed,
        Blue,
    }
}
