using System.ComponentModel.DataAnnotations;
using System.Runtime.Serialization;
using System.Xml.Serialization;

#pragma warning disable SA1402, SA1649 // The attribute, collection and field shapes of the model tests, side by side.

namespace SoapMiddleware.Tests.Model;

/// <summary>A plain class with [XmlAttribute] members next to elements: required value types, an optional string, an enum.</summary>
public sealed class Badge
{
    [XmlAttribute("id")]
    public int Id { get; set; }

    [XmlAttribute]
    [StringLength(8)]
    public string? Label { get; set; }

    public string? Note { get; set; }

    [XmlAttribute("tint")]
    public Color Tint { get; set; }

    public int Weight { get; set; }
}

/// <summary>An [XmlAttribute] on a member that is not a simple type.</summary>
public sealed class ComplexAttribute
{
    [XmlAttribute]
    public Badge? Inner { get; set; }
}

/// <summary>DataContractSerializer's custom collection of strings: its own name, its own item name.</summary>
[CollectionDataContract(Name = "TitleList", Namespace = ModelTestHelpers.Ns, ItemName = "title")]
public sealed class Titles : List<string?>;

/// <summary>A custom collection left to the defaults: the class's name and the item's contract name.</summary>
[CollectionDataContract(Namespace = ModelTestHelpers.Ns)]
public sealed class Ledgers : List<Ledger>;

/// <summary>A custom collection in another namespace than the model's.</summary>
[CollectionDataContract(Namespace = "urn:elsewhere")]
public sealed class ElsewhereList : List<int>;

/// <summary>[DataMember] fields, public and private, next to a property.</summary>
[DataContract(Namespace = ModelTestHelpers.Ns)]
public sealed class Ledger
{
    [DataMember(Order = 1)]
    public string? Owner;

    [DataMember(Name = "balance", Order = 2)]
    private decimal _balance;

    [DataMember(Order = 3)]
    public int Entries { get; set; }

    public decimal Balance
    {
        get => _balance;
        set => _balance = value;
    }
}

/// <summary>A readonly [DataMember] field: a request could not set it.</summary>
[DataContract(Namespace = ModelTestHelpers.Ns)]
public sealed class ReadonlyField
{
    [DataMember]
    public readonly int Value = 1;
}
