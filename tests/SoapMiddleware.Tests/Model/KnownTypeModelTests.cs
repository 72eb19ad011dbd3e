using System.Runtime.Serialization;
using System.Xml.Linq;
using SoapMiddleware.Model;

#pragma warning disable CA1812, SA1402 // Shapes for the type model only.

namespace SoapMiddleware.Tests.Model;

/// <summary>Known types in the type model itself: links, the hot-path flag, and a failed build leaving no links behind.</summary>
public sealed class KnownTypeModelTests
{
    [Fact]
    public void Resolve_KnownTypes_LinkedToEveryBase_OnlyPolymorphicTypesFlagged()
    {
        var model = new TypeModel("urn:test");

        var figure = model.GetType(typeof(Figure));

        Assert.True(figure.IsPolymorphic && figure.IsAbstract);
        Assert.Equal([typeof(Dot), typeof(Box)], figure.KnownTypes.Select(t => t.ClrType));
        var box = model.GetType(typeof(Box));
        Assert.False(box.IsPolymorphic);
        Assert.Same(figure, box.BaseType);
        // An inherited member is named in the namespace of the data contract declaring it.
        Assert.Equal([XName.Get("Label", "urn:test"), XName.Get("Side", "urn:fig")], box.Members.Select(m => m.ElementName));
        Assert.False(model.GetType(typeof(Order)).IsPolymorphic);
    }

    [Fact]
    public void Resolve_FailedBuild_LeavesThePublishedBaseWithoutTheKnownType()
    {
        var model = new TypeModel("urn:test");
        var published = model.GetType(typeof(Root));

        Assert.Throws<InvalidOperationException>(() => model.GetType(typeof(Holder)));

        Assert.Empty(published.KnownTypes);
        Assert.DoesNotContain(model.SchemaTypes, t => t.ClrType == typeof(Leaf) || t.ClrType == typeof(Middle));
    }

    [DataContract(Namespace = "urn:test")]
    public class Root
    {
        [DataMember]
        public int Value { get; set; }
    }

    [DataContract(Namespace = "urn:test")]
    [KnownType(typeof(Leaf))]
    public class Middle : Root;

    [DataContract(Namespace = "urn:test")]
    public sealed class Leaf : Middle;

    // Describing Middle links Leaf to the published Root; the dictionary member, described after it (Order = 1), then fails the build.
    [DataContract(Namespace = "urn:test")]
    public sealed class Holder
    {
        [DataMember]
        public Middle? Middle { get; set; }

        [DataMember(Order = 1)]
        public Dictionary<string, int>? Bad { get; set; }
    }
}
