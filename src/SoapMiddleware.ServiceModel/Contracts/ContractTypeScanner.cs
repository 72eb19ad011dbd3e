using System.Reflection;
using System.Runtime.Serialization;
using System.ServiceModel;
using System.Xml.Serialization;

namespace SoapMiddleware.ServiceModel.Contracts;

/// <summary>
/// Walks the CLR types a contract sends and receives before the type model describes them, and refuses what WCF would
/// write differently from the model: types without <c>[DataContract]</c>, dictionary collection contracts,
/// <c>[KnownType]</c>s named by a method or not derived from the type naming them (the others, and a data contract's
/// bases, are scanned as types the contract sends), message contracts inside a message, <c>IXmlSerializable</c> and <c>ISerializable</c> types. Data contracts and
/// collection contracts keep their own namespaces (the model gives them DataContractSerializer's), except under
/// <paramref name="oneNamespace"/>: the fault details of an <c>[XmlSerializerFormat]</c> contract, whose model writes
/// everything in the contract's namespace, must then declare it, and bare collections of primitives are refused (WCF
/// writes them in its Arrays namespace).
/// </summary>
internal sealed class ContractTypeScanner(string contractNamespace, bool xmlSerializer = false, bool oneNamespace = false)
{
    private readonly HashSet<Type> _seen = [];

    public void Scan(Type type, string path)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (IsSimple(type) || !_seen.Add(type))
        {
            return;
        }

        if (type.IsDefined(typeof(MessageContractAttribute), false))
        {
            throw ContractRefusal.Create(path, $"[MessageContract] (on '{type.Name}')", "a message contract is a whole request or response, not a value inside one: make it an operation's only parameter or its result");
        }

        if (type.GetCustomAttribute<CollectionDataContractAttribute>(false) is { } collection)
        {
            ScanCollectionContract(type, collection, path);
            return;
        }

        if (xmlSerializer && type.IsDefined(typeof(KnownTypeAttribute), true))
        {
            throw ContractRefusal.Create(path, $"[KnownType] (on '{type.Name}') in an [XmlSerializerFormat] contract", "XmlSerializer ignores it, and the type model has derived types in place of a base type (xsi:type) for data contracts only");
        }

        if (typeof(IXmlSerializable).IsAssignableFrom(type) || (typeof(ISerializable).IsAssignableFrom(type) && !type.IsDefined(typeof(DataContractAttribute), false)))
        {
            throw ContractRefusal.Create(path, $"{(typeof(IXmlSerializable).IsAssignableFrom(type) ? "IXmlSerializable" : "ISerializable")} (on '{type.Name}')", "hand-written serialization has no schema in the type model");
        }

        if (ItemTypeOf(type) is { } item)
        {
            var inner = Nullable.GetUnderlyingType(item) ?? item;
            if (oneNamespace && IsSimple(inner) && !inner.IsEnum && inner != typeof(byte))
            {
                throw ContractRefusal.Create(path, $"a collection of {inner.Name}", $"WCF writes the items of primitive collections in '{WcfNaming.ArraysNamespace}', the type model of an [XmlSerializerFormat] contract in the contract's namespace; wrap the values in a [DataContract] type");
            }

            Scan(item, path + "[]");
            return;
        }

        if (xmlSerializer)
        {
            ScanXmlSerializerType(type, path);
            return;
        }

        var contract = type.GetCustomAttribute<DataContractAttribute>(false);
        if (contract is null)
        {
            throw ContractRefusal.Create(path, $"the type '{type.FullName}' without [DataContract]",
                "WCF writes such a type's public fields and properties in alphabetical order, which the type model does not; mark it [DataContract] and its members [DataMember]");
        }

        if (oneNamespace && (!contract.IsNamespaceSetExplicitly || contract.Namespace != contractNamespace))
        {
            throw ContractRefusal.Create(path, $"[DataContract] on '{type.FullName}' {(contract.IsNamespaceSetExplicitly ? $"with Namespace '{contract.Namespace}'" : "without a Namespace")}",
                $"an [XmlSerializerFormat] contract's model writes one namespace, the contract's '{contractNamespace}'; set [DataContract(Namespace = \"{contractNamespace}\")]");
        }

        ScanKnownTypes(type, path);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance))
        {
            if (property.IsDefined(typeof(DataMemberAttribute), true))
            {
                Scan(property.PropertyType, $"{type.Name}.{property.Name}");
            }
        }

        // DataContractSerializer reads and writes [DataMember] fields, public or private, as it does properties.
        for (var declaring = type; declaring is not null && declaring != typeof(object); declaring = declaring.BaseType)
        {
            foreach (var field in declaring.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (field.IsDefined(typeof(DataMemberAttribute), false))
                {
                    Scan(field.FieldType, $"{type.Name}.{field.Name}");
                }
            }
        }
    }

    // A data contract's base (whose [KnownType]s apply to it too) and its known types are sent and received as well.
    private void ScanKnownTypes(Type type, string path)
    {
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType))
        {
            Scan(baseType, path);
        }

        foreach (var known in type.GetCustomAttributes<KnownTypeAttribute>(false))
        {
            ScanKnownType(known.Type, known.MethodName, type, path, "KnownType");
        }
    }

    /// <summary>
    /// Checks and scans a known type of <paramref name="owner"/> (<c>[KnownType]</c>) or of the contract
    /// (<c>[ServiceKnownType]</c>, owner null): a [DataContract] derived from a data contract, named by type.
    /// </summary>
    public void ScanKnownType(Type? known, string? methodName, Type? owner, string path, string attributeName)
    {
        var on = owner is null ? "" : $" (on '{owner.Name}')";
        if (known is null)
        {
            throw ContractRefusal.Create(path, $"[{attributeName}(\"{methodName}\")]{on}", $"the known types are returned by a method, which the type model does not call; list them as [{attributeName}(typeof(...))]");
        }

        var name = $"[{attributeName}(typeof({known.Name}))]";
        if (owner is not null && !known.IsSubclassOf(owner))
        {
            throw ContractRefusal.Create(path, name + on, $"'{known.Name}' does not derive from '{owner.Name}'; the type model puts a known type only in place of the data contracts it derives from");
        }

        if (owner is null && (known.BaseType is not { } b || !b.IsDefined(typeof(DataContractAttribute), false)))
        {
            throw ContractRefusal.Create(path, name, $"'{known.Name}' does not derive from a [DataContract]; the type model puts a known type only in place of the data contracts it derives from");
        }

        Scan(known, $"{path} {name}");
    }

    // DataContractSerializer's custom collection: its Name and ItemName are kept; its items may be primitives, since
    // they are written in the collection's own namespace, not in WCF's Arrays namespace.
    private void ScanCollectionContract(Type type, CollectionDataContractAttribute collection, string path)
    {
        var attribute = $"[CollectionDataContract] (on '{type.Name}')";
        if (xmlSerializer)
        {
            throw ContractRefusal.Create(path, attribute + " in an [XmlSerializerFormat] contract", "XmlSerializer ignores it and writes the collection as ArrayOf{Item}; drop the attribute or the format");
        }

        if (collection.IsKeyNameSetExplicitly || collection.IsValueNameSetExplicitly || IsDictionary(type))
        {
            throw ContractRefusal.Create(path, attribute.Replace("]", "(KeyName/ValueName)]", StringComparison.Ordinal), "the type model has no dictionaries; use a [CollectionDataContract] list of key/value [DataContract] items");
        }

        if (collection.IsReference)
        {
            throw ContractRefusal.Create(path, attribute.Replace("]", "(IsReference = true)]", StringComparison.Ordinal), "object references (z:Id/z:Ref) are not written by the type model");
        }

        if (oneNamespace && (!collection.IsNamespaceSetExplicitly || collection.Namespace != contractNamespace))
        {
            throw ContractRefusal.Create(path, $"[CollectionDataContract] on '{type.FullName}' {(collection.IsNamespaceSetExplicitly ? $"with Namespace '{collection.Namespace}'" : "without a Namespace")}",
                $"an [XmlSerializerFormat] contract's model writes one namespace, the contract's '{contractNamespace}'; set [CollectionDataContract(Namespace = \"{contractNamespace}\")]");
        }

        var item = type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollection<>))?.GetGenericArguments()[0]
            ?? throw ContractRefusal.Create(path, attribute, "the collection must implement ICollection<T> (derive from List<T>)");
        Scan(item, path + "[]");
    }

    // XmlSerializer: the public read/write properties, in declaration order, in the contract's namespace.
    private void ScanXmlSerializerType(Type type, string path)
    {
        XmlSerializerTypeCheck.CheckType(type, path, contractNamespace);
        foreach (var include in type.GetCustomAttributes<XmlIncludeAttribute>(false))
        {
            // The included types (checked above to derive from this one) are sent and received too.
            Scan(include.Type!, $"{path} [XmlInclude(typeof({include.Type!.Name}))]");
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.IsDefined(typeof(XmlIgnoreAttribute), true) && property.GetIndexParameters().Length == 0)
            {
                XmlSerializerTypeCheck.CheckProperty(type, property, ItemTypeOf(property.PropertyType), contractNamespace);
                Scan(property.PropertyType, $"{type.Name}.{property.Name}");
            }
        }
    }

    public static bool IsSimple(Type type)
        => type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime)
            || type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(Guid) || type == typeof(byte[])
            || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(void);

    // A dictionary as the type model sees one (it has none): IDictionary, or IDictionary<,>/IReadOnlyDictionary<,> implemented.
    private static bool IsDictionary(Type type)
        => typeof(System.Collections.IDictionary).IsAssignableFrom(type)
           || type.GetInterfaces().Append(type).Any(i => i.IsGenericType
               && (i.GetGenericTypeDefinition() == typeof(IDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)));

    private static Type? ItemTypeOf(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (type.IsGenericType && type.GetGenericArguments().Length == 1 && typeof(System.Collections.IEnumerable).IsAssignableFrom(type))
        {
            return type.GetGenericArguments()[0];
        }

        return null;
    }
}
