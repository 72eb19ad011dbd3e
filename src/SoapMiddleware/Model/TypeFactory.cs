using System.Collections;
using System.Reflection;
using System.Xml;

namespace SoapMiddleware.Model;

/// <summary>
/// Classifies CLR types and creates their <see cref="RpcType"/>. Not thread-safe: <see cref="TypeModel"/> calls it under its lock.
/// A complex type is registered before its members are described, so recursive types terminate.
/// </summary>
internal sealed class TypeFactory(TypeModel model)
{
    private readonly Dictionary<Type, RpcType> _pending = [];

    // Links made on types published before this build (a known type added to an existing base, a base set on an
    // existing derived type), undone when the build fails so a refused service leaves the model as it was.
    private readonly List<(RpcType Type, RpcType[] KnownTypes, RpcType? BaseType, int InheritedMemberCount)> _linkUndo = [];
    private readonly TypeNaming _naming = new(model);
    private readonly MemberFactory _members = new(model);
    private int _depth;

    public IReadOnlyCollection<RpcType> NamedTypes() => _naming.CommittedTypes();

    public void BeginBuild() => _depth++;

    /// <summary>Moves the types built by the outermost step into <paramref name="published"/>; true when any were added.</summary>
    public bool EndBuild(Dictionary<Type, RpcType> published)
    {
        if (--_depth > 0 || _pending.Count == 0)
        {
            return false;
        }

        foreach (var (type, rpcType) in _pending)
        {
            published[type] = rpcType;
        }

        _pending.Clear();
        _linkUndo.Clear();
        _naming.Commit();
        return true;
    }

    public void AbortBuild()
    {
        if (--_depth == 0)
        {
            for (var i = _linkUndo.Count - 1; i >= 0; i--)
            {
                var (type, knownTypes, baseType, inherited) = _linkUndo[i];
                (type.KnownTypes, type.BaseType, type.InheritedMemberCount) = (knownTypes, baseType, inherited);
            }

            _linkUndo.Clear();
            _pending.Clear();
            _naming.Rollback();
        }
    }

    public RpcType Resolve(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (model.TryGetPublished(type, out var known) || _pending.TryGetValue(type, out known))
        {
            return known;
        }

        var created = Create(type);
        _pending[type] = created;
        if (created.Kind == RpcTypeKind.Complex)
        {
            // Registered first: members that refer back to this type find it in _pending.
            _members.DescribeComplex(created, this);
            if (DataContractShape.IsDataContract(type))
            {
                KnownTypeLinker.LinkDataContract(created, this);
            }
            else if (type.IsDefined(typeof(System.Xml.Serialization.XmlIncludeAttribute), false))
            {
                KnownTypeLinker.LinkXmlIncludes(created, this);
            }
        }

        return created;
    }

    public int RegisterKnownType(Type known) => KnownTypeLinker.Register(known, this);

    /// <summary>Lets <paramref name="derived"/> stand in place of <paramref name="baseType"/> (xsi:type).</summary>
    public void AddKnownType(RpcType baseType, RpcType derived)
    {
        if (baseType.KnownTypeOf(derived.ClrType) is null)
        {
            RememberLinks(baseType);
            baseType.KnownTypes = [.. baseType.KnownTypes, derived];
        }
    }

    /// <summary>Makes <paramref name="derived"/> an extension of <paramref name="baseType"/> in the schema.</summary>
    public void SetBaseType(RpcType derived, RpcType baseType, int inheritedMemberCount)
    {
        RememberLinks(derived);
        (derived.BaseType, derived.InheritedMemberCount) = (baseType, inheritedMemberCount);
    }

    private void RememberLinks(RpcType type)
    {
        if (model.TryGetPublished(type.ClrType, out _))
        {
            _linkUndo.Add((type, type.KnownTypes, type.BaseType, type.InheritedMemberCount));
        }
    }

    public RpcMember CreateParameterMember(ParameterInfo parameter, string name) => _members.CreateParameterMember(parameter, name, this);

    public RpcMember CreateMember(string name, Type declaredType, bool nullable, bool required, IReadOnlyList<Attribute> attributes, bool hasDefault, object? defaultValue)
        => _members.Create(name, declaredType, nullable, required, attributes, hasDefault, defaultValue, this);

    private RpcType Create(Type type)
    {
        if (PrimitiveCodecs.Find(type) is { } codec)
        {
            var name = codec.SchemaName.Namespace.Length == 0 ? new XmlQualifiedName(codec.SchemaName.Name, model.TargetNamespace) : codec.SchemaName;
            var primitive = new RpcType(type, RpcTypeKind.Primitive, name, codec.ItemName) { Codec = codec };
            return name.Namespace == PrimitiveCodecs.Xsd ? primitive : _naming.Register(primitive, type);
        }

        Reject(type);
        if (type.IsEnum)
        {
            var name = _naming.NameOf(type, this);
            var enumCodec = EnumCodecFactory.Create(type, name, out var names);
            return _naming.Register(new RpcType(type, RpcTypeKind.Enum, name, name.Name) { Codec = enumCodec, EnumNames = names }, type);
        }

        if (CollectionShapes.TryGetItemType(type, out var itemClrType, out var asList))
        {
            return CreateArray(type, itemClrType, asList);
        }

        if (CollectionDataContractShape.Of(type) is { } collectionContract)
        {
            return CreateCollectionContract(type, collectionContract);
        }

        // An abstract data contract stands for its known types (xsi:type); other abstract types have nothing to construct.
        if (type.IsInterface || (type.IsAbstract && !DataContractShape.IsDataContract(type) && !type.IsDefined(typeof(System.Xml.Serialization.XmlIncludeAttribute), false)))
        {
            throw Unsupported(type, "interfaces and abstract classes cannot be constructed; use a concrete class (or an abstract [DataContract] with [KnownType], or class with [XmlInclude], derived types)");
        }

        if (typeof(IEnumerable).IsAssignableFrom(type))
        {
            throw Unsupported(type, "only T[], List<T>, IList<T>, IReadOnlyList<T> and IEnumerable<T> collections, and classes marked [CollectionDataContract], are supported");
        }

        var complexName = _naming.NameOf(type, this);
        return _naming.Register(new RpcType(type, RpcTypeKind.Complex, complexName, complexName.Name) { IsAbstract = type.IsAbstract }, type);
    }

    private RpcType CreateArray(Type type, Type itemClrType, bool asList)
    {
        var item = Resolve(itemClrType);
        var nullableItem = Nullable.GetUnderlyingType(itemClrType) is not null;
        var itemNillable = nullableItem || !itemClrType.IsValueType;
        var ns = ArrayNamespace(item, nullableItem);
        var name = new XmlQualifiedName("ArrayOf" + (nullableItem ? "NullableOf" : "") + item.ItemName, ns);
        var array = new RpcType(type, RpcTypeKind.Array, name, name.Name)
        {
            ItemType = item,
            ItemNillable = itemNillable,
            Shape = ArrayShape.Create(itemClrType, asList),
            ItemElementName = System.Xml.Linq.XNamespace.Get(ns) + item.ItemName,
        };

        // int[] and List<int> are different CLR types with one schema type: the identity is the item type.
        return _naming.Register(array, (itemClrType, "array"));
    }

    // A collection lives in its item type's namespace, its items too; collections of primitives and of nullable values
    // have no such type, so they live where DataContractSerializer puts them (WCF contracts) or in the target namespace.
    private string ArrayNamespace(RpcType item, bool nullableItem)
    {
        if (model.DataContractNamespaces && nullableItem)
        {
            return ContractNamespaces.System;
        }

        if (item.Kind == RpcTypeKind.Primitive)
        {
            return model.DataContractNamespaces ? ContractNamespaces.Arrays : model.TargetNamespace;
        }

        return item.SchemaName.Namespace;
    }

    // An array type with the contract's names (by default the class's, as DataContractSerializer names it); its
    // identity is the collection class itself.
    private RpcType CreateCollectionContract(Type type, System.Runtime.Serialization.CollectionDataContractAttribute contract)
    {
        var itemClrType = CollectionDataContractShape.ItemTypeOf(type, contract);
        var item = Resolve(itemClrType);
        var contractName = _naming.NameOf(type, this);
        var name = new XmlQualifiedName(CollectionDataContractShape.NameOf(contract, contractName.Name), contractName.Namespace);
        var collection = new RpcType(type, RpcTypeKind.Array, name, name.Name)
        {
            ItemType = item,
            ItemNillable = Nullable.GetUnderlyingType(itemClrType) is not null || !itemClrType.IsValueType,
            Shape = ArrayShape.CreateCollection(type, itemClrType),
            ItemElementName = System.Xml.Linq.XNamespace.Get(name.Namespace) + CollectionDataContractShape.ItemNameOf(contract, item),
        };
        return _naming.Register(collection, type);
    }

    private static void Reject(Type type)
    {
        if (type.IsPointer || type.IsByRef || type.IsByRefLike || type.ContainsGenericParameters)
        {
            throw Unsupported(type, "pointers, by-ref types and open generic types have no XML form");
        }

        if (type == typeof(object) || typeof(Delegate).IsAssignableFrom(type))
        {
            throw Unsupported(type, "object and delegates have no schema; declare a concrete type");
        }

        if (type.IsArray && type.GetArrayRank() != 1)
        {
            throw Unsupported(type, "multi-dimensional arrays are not supported; use jagged arrays (T[][])");
        }

        if (CollectionShapes.IsDictionary(type))
        {
            throw Unsupported(type, "dictionaries are not supported; use a list of key/value records");
        }

        if (type.Namespace is { } ns && (ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal)) && !type.IsArray && !type.IsGenericType)
        {
            throw Unsupported(type, "only the documented framework types (string, numbers, dates, Guid, byte[]) are supported");
        }
    }

    internal static InvalidOperationException Unsupported(Type type, string why)
        => new($"Type '{TypeNaming.Display(type)}' is not supported by the type model: {why}.");
}
