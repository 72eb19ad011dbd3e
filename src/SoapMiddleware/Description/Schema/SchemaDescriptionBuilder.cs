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

    /// <summary>A string restricted to <paramref name="values"/>; values are read as sent, so one a newer server added still reads.</summary>
    public SchemaType Enumeration(XmlQualifiedName name, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(values);
        return new SchemaType(SchemaPrimitives.Enumeration(name, [.. values]), SchemaTypeKind.Enumeration);
    }

    /// <summary>A complex type without members yet: add them with <see cref="AddMember"/> (base type's members first).</summary>
    public SchemaType ComplexType(XmlQualifiedName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        ThrowIfBuilt();
        var type = new SchemaType(new RpcType(typeof(RpcRecord), RpcTypeKind.Complex, name, name.Name), SchemaTypeKind.Complex);
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
            type.Rpc.Accessor = RecordAccessor.Create(members);
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

    private static RpcMember Member(SchemaMember member)
    {
        var type = member.IsRepeated ? ListOf(member.Type.Name, member.Type.Rpc, member.Name, member.IsNillable) : member.Type.Rpc;
        return new RpcMember(member.Name.LocalName, type, typeof(object), member.IsNillable && !member.IsRepeated, member.IsOptional ? 0 : 1)
        {
            IsAttribute = member.IsAttribute,
            IsRepeated = member.IsRepeated,
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
