using System.Text;
using System.Xml;

namespace SoapMiddleware.Model;

/// <summary>
/// Gives named types their schema names (<c>Order</c>, <c>PageOfOrder</c>) and namespaces, and guarantees that one
/// name means one CLR type: two different types with the same name would silently share a schema type, so that is an
/// error. Names are unique across namespaces too: JSON and OpenAPI, which have no namespaces, key types by name.
/// </summary>
internal sealed class TypeNaming(TypeModel model)
{
    private readonly Dictionary<string, (object Identity, RpcType Type)> _committed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (object Identity, RpcType Type)> _pending = new(StringComparer.Ordinal);

    public XmlQualifiedName NameOf(Type type, TypeFactory factory)
    {
        var ns = NamespaceOf(type);
        if (DataContractShape.NameOf(type) is { } contractName)
        {
            return new XmlQualifiedName(contractName, ns);
        }

        if (XmlNameAttributes.TypeName(type) is { } xmlTypeName)
        {
            return new XmlQualifiedName(xmlTypeName, ns);
        }

        var serializerNamed = model.DataContractNamespaces && IsSerializerContract(type);
        if (!type.IsGenericType)
        {
            return new XmlQualifiedName(serializerNamed ? ContractNamespaces.NestedNameOf(type) ?? type.Name : type.Name, ns);
        }

        var name = new StringBuilder(type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]);
        var arguments = type.GetGenericArguments();
        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = factory.Resolve(arguments[i]);
            if (serializerNamed && argument.Kind != RpcTypeKind.Primitive)
            {
                // Page<Order> is "PageOfOrder" plus a hash of the arguments' namespaces there (Page<int> is plain
                // "PageOfint"): a name the model does not compute.
                throw TypeFactory.Unsupported(type, "DataContractSerializer names a generic [DataContract] of non-primitive arguments with a hash of their namespaces; give it [DataContract(Name = ...)]");
            }

            name.Append(i == 0 ? "Of" : "And").Append(argument.ItemName);
        }

        return new XmlQualifiedName(name.ToString(), ns);
    }

    /// <summary>
    /// The type's own namespace: <c>[DataContract(Namespace)]</c> when set, DataContractSerializer's default for a
    /// WCF contract's data contracts and enums, else the application's target namespace.
    /// </summary>
    private string NamespaceOf(Type type)
    {
        if (ExplicitNamespaceOf(type) is { } ns)
        {
            return ns.Length > 0
                ? ns
                : throw TypeFactory.Unsupported(type, "[DataContract(Namespace = \"\")] puts its members in no namespace, which the type model does not write; name a namespace or leave it out");
        }

        return model.DataContractNamespaces && IsSerializerContract(type)
            ? ContractNamespaces.DefaultOf(type)
            : model.TargetNamespace;
    }

    // The types DataContractSerializer names on its own terms: data contracts, collection data contracts and enums.
    private static bool IsSerializerContract(Type type)
        => DataContractShape.IsDataContract(type) || CollectionDataContractShape.Of(type) is not null || type.IsEnum;

    private static string? ExplicitNamespaceOf(Type type)
        => DataContractShape.NamespaceOf(type)
            ?? (CollectionDataContractShape.Of(type) is { IsNamespaceSetExplicitly: true } collection ? collection.Namespace ?? string.Empty : null);

    /// <summary>Whether <paramref name="type"/>'s name would change under DataContractSerializer's namespaces.</summary>
    public static bool DependsOnContractNamespaces(RpcType type) => type.Kind switch
    {
        RpcTypeKind.Complex or RpcTypeKind.Enum => ExplicitNamespaceOf(type.ClrType) is null && IsSerializerContract(type.ClrType),
        RpcTypeKind.Array when CollectionDataContractShape.Of(type.ClrType) is not null => ExplicitNamespaceOf(type.ClrType) is null,
        RpcTypeKind.Array => type.ItemType!.Kind == RpcTypeKind.Primitive || (type.ItemNillable && type.ItemType.ClrType.IsValueType) || DependsOnContractNamespaces(type.ItemType),
        _ => false,
    };

    /// <summary>Registers a named type; the identity says which types may share a name (arrays of one item type).</summary>
    public RpcType Register(RpcType type, object identity)
    {
        var name = type.SchemaName.Name;
        if (_committed.TryGetValue(name, out var existing) || _pending.TryGetValue(name, out existing))
        {
            if (!existing.Identity.Equals(identity))
            {
                throw new InvalidOperationException(
                    $"The schema name '{name}' is used by both '{Display(existing.Type.ClrType)}' and '{Display(type.ClrType)}'. Rename one of the types; the XSD needs one name per type.");
            }

            return type;
        }

        _pending[name] = (identity, type);
        return type;
    }

    public void Commit()
    {
        foreach (var (name, entry) in _pending)
        {
            _committed[name] = entry;
        }

        _pending.Clear();
    }

    public void Rollback() => _pending.Clear();

    public IReadOnlyCollection<RpcType> CommittedTypes()
    {
        var types = new List<RpcType>(_committed.Count);
        foreach (var entry in _committed.Values)
        {
            types.Add(entry.Type);
        }

        return types;
    }

    /// <summary>A readable C# name for messages: <c>Page&lt;Order&gt;</c>, <c>List&lt;int&gt;</c>.</summary>
    public static string Display(Type type)
    {
        if (!type.IsGenericType)
        {
            return type.FullName ?? type.Name;
        }

        var name = type.FullName ?? type.Name;
        var tick = type.Name.IndexOf('`', StringComparison.Ordinal);
        var prefix = (type.Namespace is null ? "" : type.Namespace + ".") + (tick < 0 ? type.Name : type.Name[..tick]);
        return type.ContainsGenericParameters && type.IsGenericTypeDefinition
            ? name
            : prefix + "<" + string.Join(", ", type.GetGenericArguments().Select(Display)) + ">";
    }
}
