using System.Xml.Linq;

namespace SoapMiddleware.Model;

/// <summary>A named, typed slot: a property of a complex type, a parameter, or a result part.</summary>
internal sealed class RpcMember
{
    // default(T) of the declared type, boxed once: a missing non-nullable value type reads as this.
    private readonly object? _defaultOfType;

    public RpcMember(string name, RpcType type, Type declaredType, bool isNillable, int minOccurs)
    {
        Name = name;
        Type = type;
        DeclaredType = declaredType;
        IsNillable = isNillable;
        MinOccurs = minOccurs;
        _defaultOfType = declaredType.IsValueType && Nullable.GetUnderlyingType(declaredType) is null
            ? Activator.CreateInstance(declaredType)
            : null;
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

    /// <summary>The DataAnnotations rules, or null when the member has none.</summary>
    public MemberConstraints? Constraints { get; init; }

    /// <summary>A binary member's <c>[RpcAttachment]</c> media types as the schema's <c>xmime:expectedContentTypes</c> value, or null.</summary>
    public string? ExpectedContentTypes { get; init; }

    /// <summary>Whether the writer leaves the element out when the value is null or default(T) (<c>[DataMember(EmitDefaultValue = false)]</c>).</summary>
    public bool OmitDefault { get; init; }

    /// <summary>Whether an optional member's null is written as <c>xsi:nil</c> rather than left out (DataContractSerializer's way).</summary>
    public bool NilWhenNull { get; init; }

    /// <summary>
    /// Whether the member is an XML attribute of its type's element (<c>[XmlAttribute]</c>) rather than a child element:
    /// a simple type, never <c>xsi:nil</c> (null is an absent attribute). JSON treats it as any other member.
    /// </summary>
    public bool IsAttribute { get; init; }

    /// <summary>
    /// Whether the member's element repeats in place, without a wrapper (<c>maxOccurs</c> above 1 in a schema
    /// description): its <see cref="Type"/> is an array type whose item element is the member's own element.
    /// </summary>
    public bool IsRepeated { get; init; }

    /// <summary>
    /// Whether the member is an <c>xs:any</c> wildcard (a schema description): it takes any child element no other
    /// member names, as it is (an <see cref="System.Xml.Linq.XElement"/> of <see cref="RpcType.IsXml"/> type), and its
    /// value is written as the element it is.
    /// </summary>
    public bool IsWildcard { get; init; }

    /// <summary>
    /// The qualified element name, or an attribute's unqualified name (XmlSerializer's default form); set by the type
    /// model so readers and writers do not look it up per call.
    /// </summary>
    internal XName? ElementName { get; init; }

    /// <summary>Whether <paramref name="value"/> is null or the declared type's default.</summary>
    public bool IsDefault(object? value) => value is null || (_defaultOfType is not null && _defaultOfType.Equals(value));

    /// <summary>The value a missing optional element reads as: the default value, else default(T).</summary>
    internal object? AbsentValue => HasDefault ? DefaultValue : _defaultOfType;
}
