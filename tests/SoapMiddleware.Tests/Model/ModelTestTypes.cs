using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace SoapMiddleware.Tests.Model;

// Types the model tests describe, read and write. Public so xunit theories can take them as data.
public enum Color
{
    Red,
    Green,
    Blue,
}

[Flags]
public enum Permissions
{
    None = 0,
    Read = 1,
    Write = 2,
}

public sealed record OrderLine(string Product, [property: Range(1, 100)] int Quantity, decimal Price);

public sealed class Order
{
    public int Id { get; set; }

    [Required]
    [StringLength(20, MinimumLength = 2)]
    public string Customer { get; set; } = "";

    public string? Note { get; set; }

    public List<OrderLine> Lines { get; set; } = [];

    public Color Color { get; set; }

    public DateTime? ShippedAt { get; set; }

    // Computed: no setter and no constructor parameter, so it is not part of the contract.
    public int LineCount => Lines.Count;

    [JsonIgnore]
    public string Secret { get; set; } = "hidden";
}

public sealed record Customer([Required, RegularExpression("[A-Z]{3}-\\d{4}")] string Code, string Name, int Level = 3, string? Email = null);

public sealed class Node
{
    public string Name { get; set; } = "";

    public Node? Next { get; set; }

    public List<Node> Children { get; set; } = [];
}

public sealed class Page<T>
{
    public int Number { get; set; }

    public List<T> Items { get; set; } = [];
}

public sealed class Defaults
{
    public int Size { get; set; } = 42;

    public string? Label { get; set; } = "initial";
}

public struct Point
{
    public int X { get; set; }

    public int Y { get; set; }
}

public sealed class Shapes
{
    public int[]? Array { get; set; }

    public List<string>? List { get; set; }

    public IReadOnlyList<int>? ReadOnly { get; set; }

    public IEnumerable<Color>? Sequence { get; set; }

    public IList<int?>? NullableItems { get; set; }

    public List<List<int>>? Nested { get; set; }
}

public sealed class NoUsableConstructor(string value)
{
    public string Other { get; } = value;
}

public static class First
{
    public sealed class Item
    {
        public int A { get; set; }
    }
}

public static class Second
{
    public sealed class Item
    {
        public string B { get; set; } = "";
    }
}
