using System.Runtime.Serialization;
using System.ServiceModel;
using System.Xml.Serialization;

#pragma warning disable SA1402 // The XmlSerializer-format shapes of one test contract, side by side.

namespace SoapMiddleware.ServiceModel.Tests.Contracts;

/// <summary>Implements <see cref="IShop"/>.</summary>
public sealed class Shop : IShop
{
    public const string Namespace = "http://tests.example.com/shop";

    public Basket Fill(string owner, int[] quantities) => new()
    {
        Owner = owner,
        Lines = quantities.Select((q, i) => new BasketLine { Sku = $"S{i + 1}", Quantity = q }).ToList(),
        Secret = "never sent",
        Discount = quantities.Length > 2 ? quantities.Length : null,
    };

    public Color Paint(Color color) => color == Color.Red ? Color.DarkBlue : Color.Red;

    public int Pay(int amount)
        => amount > 0 ? amount * 2 : throw new FaultException<ShopFault>(new ShopFault { Reason = $"cannot pay {amount}" }, new FaultReason("Payment refused"));
}

/// <summary>Renamed with [XmlType]; members renamed with [XmlElement] and [XmlArray].</summary>
[XmlType("ShopBasket")]
public sealed class Basket
{
    [XmlElement("owner")]
    public string Owner { get; set; } = "";

    [XmlArray("Items")]
    [XmlArrayItem("BasketLine")]
    public List<BasketLine> Lines { get; set; } = [];

    [XmlIgnore]
    public string Secret { get; set; } = "";

    public int? Discount { get; set; }
}

public sealed class BasketLine
{
    public string Sku { get; set; } = "";

    public int Quantity { get; set; }
}

public enum Color
{
    [XmlEnum("red")]
    Red,

    [XmlEnum("dark-blue")]
    DarkBlue,
}

[DataContract(Namespace = Shop.Namespace)]
public sealed class ShopFault
{
    [DataMember]
    public string Reason { get; set; } = "";
}
