using System.Xml;
using System.Xml.Linq;
using SoapMiddleware.Model;

namespace SoapMiddleware.Description.Schema;

/// <summary>
/// Builds an <see cref="RpcDescription"/> from a schema instead of C# types: what a WSDL importer (the dynamic client)
/// or a generator declares. Values need no CLR class: complex values are <see cref="RpcRecord"/>s, arrays lists, and
/// primitives their CLR values by XSD type (see <see cref="SchemaType.ClrType"/>). The protocols read and write them
/// with the same XML serializer as the server's own types. Not thread-safe while building; the description is immutable.
/// </summary>
/// <remarks>
/// Such a description is for calling services (a client, a queue producer): its operations have no method behind
/// them (<see cref="RpcOperation.Method"/> is a placeholder, <see cref="RpcOperation.Schema"/> says what they declare),
/// so a server cannot serve it. The JSON protocols do not write its values yet; SOAP does.
/// </remarks>
public sealed class SchemaDescriptionBuilder
{
    private readonly string _name;
    private readonly string _namespace;
    private readonly List<SchemaType> _complexTypes = [];
    private readonly List<(string Service, SchemaOperation Operation)> _operations = [];
    private bool _built;

    /// <param name="name">The description's name (the WSDL's <c>definitions/@name</c>).</param>
    /// <param name="targetNamespace">The namespace of wrapper elements that do not name theirs, and of the envelope's <c>tns</c> prefix.</param>
    public SchemaDescriptionBuilder(string name, string targetNamespace)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(targetNamespace);
        _name = name;
        _namespace = targetNamespace;
    }

    /// <summary>The built-in XSD type <paramref name="localName"/> (<c>int</c>, <c>string</c>, <c>dateTime</c>, <c>anyURI</c>, <c>anyType</c> ...), or null when XSD has none of that name.</summary>
    public static SchemaType? Primitive(string localName)
    {
        ArgumentNullException.ThrowIfNull(localName);
        return SchemaPrimitives.Create(localName) is { } type ? new SchemaType(type, SchemaTypeKind.Primitive) : null;
    }

    /// <summary>
    /// XML as it is (<see cref="SchemaTypeKind.Xml"/>), the type of <c>xs:anyType</c> elements and of
    /// <c>xs:any</c> wildcards (<see cref="SchemaMember.IsWildcard"/>): a value is read as a standalone copy of its
    /// element (with the namespaces it uses declared on it); an element given is written as it is, other values as text.
    /// </summary>
    public static SchemaType AnyXml() => new(SchemaPrimitives.AnyXml(), SchemaTypeKind.Xml);

    /// <summary>A string restricted to <paramref name="values"/>; values are read as sent, so one a newer server added still reads.</summary>
    public SchemaType Enumeration(XmlQualifiedName name, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(values);
        return new SchemaType(SchemaPrimitives.Enumeration(name, [.. values]), SchemaTypeKind.Enumeration);
    }

    /// <summary>A complex type without members yet: add them with <see cref="AddMember"/>.</summary>
    public SchemaType ComplexType(XmlQualifiedName name) => ComplexType(name, null);

    /// <summary>
    /// A complex type that extends <paramref name="baseType"/> (<c>xs:extension</c>), without members of its own yet:
    /// its members are the base's, then those added with <see cref="AddMember"/>. Its values may stand where the base
    /// (or any base of it) is declared: written with <c>xsi:type</c> when an <see cref="RpcRecord"/> names it
    /// (<see cref="RpcRecord.TypeName"/>), and read as it when an element's <c>xsi:type</c> names it.
    /// </summary>
    /// <param name="name">The type's name.</param>
    /// <param name="baseType">The complex type it extends; null for none.</param>
    public SchemaType ComplexType(XmlQualifiedName name, SchemaType? baseType)
    {
        ArgumentNullException.ThrowIfNull(name);
        ThrowIfBuilt();
        if (baseType is not null && baseType.Kind != SchemaTypeKind.Complex)
        {
            throw new ArgumentException($"Only a complex type can be extended by '{name}'; '{baseType}' is {baseType.Kind}.", nameof(baseType));
        }

        var type = new SchemaType(new RpcType(typeof(RpcRecord), RpcTypeKind.Complex, name, name.Name), SchemaTypeKind.Complex) { BaseType = baseType };
        _complexTypes.Add(type);
        return type;
    }

    /// <summary>A wrapper type whose values are the repeated <paramref name="itemElement"/> children (<c>ArrayOfX</c>).</summary>
    /// <param name="name">The wrapper type's name.</param>
    /// <param name="itemType">The items' type.</param>
    /// <param name="itemElement">The items' element name.</param>
    /// <param name="itemNillable">Whether an item may be <c>xsi:nil</c> (a null in the list).</param>
    public SchemaType ArrayType(XmlQualifiedName name, SchemaType itemType, XName itemElement, bool itemNillable)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(itemType);
        ArgumentNullException.ThrowIfNull(itemElement);
        return new SchemaType(ListOf(name, itemType.Rpc, itemElement, itemNillable), SchemaTypeKind.Array) { ItemType = itemType };
    }

    /// <summary>Adds <paramref name="member"/> to the complex type <paramref name="owner"/>, after the ones added before.</summary>
    public void AddMember(SchemaType owner, SchemaMember member)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(member);
        ThrowIfBuilt();
        if (owner.Kind != SchemaTypeKind.Complex)
        {
            throw new ArgumentException($"Only a complex type has members; '{owner}' is {owner.Kind}.", nameof(owner));
        }

        if (member.IsAttribute && member.Type.Kind is not (SchemaTypeKind.Primitive or SchemaTypeKind.Enumeration))
        {
            throw new ArgumentException($"The attribute '{member.Name}' of '{owner}' needs a simple type, not '{member.Type}'.", nameof(member));
        }

        if (member.IsWildcard && member.Type.Kind != SchemaTypeKind.Xml)
        {
            throw new ArgumentException($"The wildcard '{member.Name}' of '{owner}' needs the XML type (SchemaDescriptionBuilder.AnyXml()), not '{member.Type}'.", nameof(member));
        }

        owner.Add(member);
    }

    /// <summary>Adds <paramref name="operation"/> to the service <paramref name="service"/> (created on first use).</summary>
    public void AddOperation(string service, SchemaOperation operation)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(operation);
        ThrowIfBuilt();
        _operations.Add((service, operation));
    }

    /// <summary>Builds the description; the builder cannot be used afterwards.</summary>
    public RpcDescription Build()
    {
        ThrowIfBuilt();
        _built = true;
        foreach (var type in _complexTypes)
        {
            var members = type.Members.Select(Member).ToList();
            type.Rpc.Members = members;
            type.Rpc.HasAttributeMembers = members.Any(m => m.IsAttribute);
            type.Rpc.Accessor = RecordAccessor.Create(members, type.Name);
        }

        foreach (var type in _complexTypes)
        {
            LinkToBases(type);
        }

        var model = new TypeModel(_namespace);
        var services = new List<RpcServiceDescription>();
        foreach (var group in _operations.GroupBy(o => o.Service, StringComparer.Ordinal))
        {
            var service = new RpcServiceDescription(typeof(object), group.Key, _namespace);
            service.Operations = group.Select(o => SchemaOperationFactory.Create(service, o.Operation, Member)).ToList();
            services.Add(service);
        }

        return new RpcDescription(_name, model, services);
    }

    // A derived type stands in place of each of its bases (as a [KnownType]): read and written with xsi:type.
    private static void LinkToBases(SchemaType type)
    {
        var depth = 0;
        for (var baseType = type.BaseType; baseType is not null && depth < 64; baseType = baseType.BaseType, depth++)
        {
            if (depth == 0)
            {
                type.Rpc.BaseType = baseType.Rpc;
                type.Rpc.InheritedMemberCount = baseType.Members.Count;
            }

            baseType.Rpc.KnownTypes = [.. baseType.Rpc.KnownTypes, type.Rpc];
        }
    }

    private static RpcMember Member(SchemaMember member)
    {
        var type = member.IsRepeated ? ListOf(member.Type.Name, member.Type.Rpc, member.Name, member.IsNillable) : member.Type.Rpc;
        return new RpcMember(member.Name.LocalName, type, typeof(object), member.IsNillable && !member.IsRepeated, member.IsOptional ? 0 : 1)
        {
            IsAttribute = member.IsAttribute,
            IsRepeated = member.IsRepeated,
            IsWildcard = member.IsWildcard,
            ElementName = member.Name,
        };
    }

    private static RpcType ListOf(XmlQualifiedName name, RpcType item, XName itemElement, bool itemNillable)
        => new(typeof(IReadOnlyList<object?>), RpcTypeKind.Array, name, name.Name)
        {
            ItemType = item,
            ItemNillable = itemNillable,
            Shape = ArrayShape.Create(typeof(object), asList: false),
            ItemElementName = itemElement,
        };

    private void ThrowIfBuilt()
    {
        if (_built)
        {
            throw new InvalidOperationException("The description was built already; start a new SchemaDescriptionBuilder.");
        }
    }
}
