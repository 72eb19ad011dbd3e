namespace SoapMiddleware.Model;

/// <summary>A named, typed slot: a property of a complex type, a parameter, or a result part.</summary>
internal sealed class RpcMember
{
    public RpcMember(string name, RpcType type, Type declaredType, bool isNillable, int minOccurs)
    {
        Name = name;
        Type = type;
        DeclaredType = declaredType;
        IsNillable = isNillable;
        MinOccurs = minOccurs;
    }

    /// <summary>The element's local name.</summary>
    public string Name { get; }

    public RpcType Type { get; }

    /// <summary>The declared CLR type, <c>int?</c> included.</summary>
    public Type DeclaredType { get; }

    /// <summary>Whether <c>xsi:nil</c> (and a missing element) is allowed: <c>string?</c>, <c>int?</c>.</summary>
    public bool IsNillable { get; }

    /// <summary>0 for optional members (nullable or with a default value), 1 otherwise.</summary>
    public int MinOccurs { get; }

    public bool HasDefault { get; init; }

    public object? DefaultValue { get; init; }
}
