using System.Xml.Serialization;

#pragma warning disable SA1402 // The XmlSerializer-format shapes of one test contract, side by side.

namespace SoapMiddleware.ServiceModel.Tests.Contracts;

/// <summary>Implements <see cref="IBadgeBoard"/>.</summary>
public sealed class BadgeBoard : IBadgeBoard
{
    public const string Namespace = "http://tests.example.com/badges";

    public Badge Promote(Badge badge) => new()
    {
        Id = badge.Id + 1,
        Label = badge.Label is null ? null : badge.Label + "+",
        Level = badge.Level == BadgeLevel.Bronze ? BadgeLevel.Gold : BadgeLevel.Bronze,
        IssuedAt = badge.IssuedAt.AddDays(1),
        Score = badge.Score * 2,
        Holder = badge.Holder,
    };

    public Badge[] Issue(int count)
        => Enumerable.Range(1, count).Select(i => new Badge { Id = i, Label = i % 2 == 0 ? null : $"b<{i}>&\"", Level = (BadgeLevel)(i % 2), Score = i / 4m, Holder = $"h{i}" }).ToArray();
}

/// <summary>Attributes of value types (required in XmlSerializer's schema), a string (optional) and an enum; one element.</summary>
public sealed class Badge
{
    [XmlAttribute("id")]
    public int Id { get; set; }

    [XmlAttribute]
    public string? Label { get; set; }

    [XmlAttribute("level")]
    public BadgeLevel Level { get; set; }

    [XmlAttribute]
    public DateTime IssuedAt { get; set; }

    [XmlAttribute]
    public decimal Score { get; set; }

    public string? Holder { get; set; }
}

public enum BadgeLevel
{
    [XmlEnum("bronze")]
    Bronze,

    [XmlEnum("gold")]
    Gold,
}
