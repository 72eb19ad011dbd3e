using System.Reflection;
using System.Runtime.Serialization;

namespace SoapMiddleware.Model;

/// <summary>
/// Links data contracts to their bases and known types, as DataContractSerializer sees them: a derived data contract
/// extends its base in the schema, and a known type (<c>[KnownType(typeof(D))]</c> on a type, or
/// <c>[ServiceKnownType]</c> through <see cref="TypeModel.AddKnownType"/>) may stand in place of every data contract
/// it derives from, written with <c>xsi:type</c>. Used under the model's lock.
/// </summary>
internal static class KnownTypeLinker
{
    /// <summary>Sets the base of a data contract just described and registers the known types it declares.</summary>
    public static void LinkDataContract(RpcType rpcType, TypeFactory factory)
    {
        var type = rpcType.ClrType;
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType))
        {
            // Counted from reflection: the base may still be being described (a base with a member of this type).
            var inherited = DataContractShape.GetMembers(type).Count(m => m.DeclaringType != type);
            factory.SetBaseType(rpcType, factory.Resolve(baseType), inherited);
        }

        foreach (var attribute in type.GetCustomAttributes<KnownTypeAttribute>(false))
        {
            if (attribute.Type is null)
            {
                throw TypeFactory.Unsupported(type,
                    $"[KnownType(\"{attribute.MethodName}\")] names its known types through a method, which the type model does not call; list them as [KnownType(typeof(...))]");
            }

            if (!attribute.Type.IsSubclassOf(type))
            {
                throw TypeFactory.Unsupported(type,
                    $"[KnownType(typeof({TypeNaming.Display(attribute.Type)}))] is not derived from it; the type model puts a known type only in place of its base types");
            }

            Register(attribute.Type, factory);
        }
    }

    /// <summary>
    /// XmlSerializer's known types: <c>[XmlInclude(typeof(D))]</c> on a plain class B lets D (and each class between
    /// them) stand in place of B, each an extension of its direct base in the schema, written with <c>xsi:type</c>.
    /// </summary>
    public static void LinkXmlIncludes(RpcType rpcType, TypeFactory factory)
    {
        var type = rpcType.ClrType;
        foreach (var include in type.GetCustomAttributes<System.Xml.Serialization.XmlIncludeAttribute>(false))
        {
            if (include.Type is not { } derived || !derived.IsSubclassOf(type) || DataContractShape.IsDataContract(derived))
            {
                throw TypeFactory.Unsupported(type,
                    $"[XmlInclude(typeof({(include.Type is null ? "null" : TypeNaming.Display(include.Type))}))] is not a plain class derived from it; the type model puts an included type only in place of its base classes");
            }

            var derivedType = factory.Resolve(derived);
            for (var (current, baseType) = (derivedType, derived.BaseType!); ; (current, baseType) = (current.BaseType!, baseType.BaseType!))
            {
                var baseRpcType = factory.Resolve(baseType);
                LinkPlainBase(current, baseRpcType, factory);
                factory.AddKnownType(baseRpcType, derivedType);
                if (baseType == type)
                {
                    break;
                }
            }
        }
    }

    // A plain class lists its base's properties first (ComplexTypeShape), so the first of its members are the base's.
    private static void LinkPlainBase(RpcType derived, RpcType baseType, TypeFactory factory)
    {
        if (derived.BaseType is not null)
        {
            return;
        }

        if (derived.HasAttributeMembers || baseType.HasAttributeMembers)
        {
            throw TypeFactory.Unsupported(derived.ClrType,
                $"it or its base '{TypeNaming.Display(baseType.ClrType)}' has [XmlAttribute] members, which the schema of a derived type in place of its base does not describe yet");
        }

        var inherited = baseType.Members.Count;
        for (var i = 0; i < inherited; i++)
        {
            if (i >= derived.Members.Count || derived.Members[i].Name != baseType.Members[i].Name || derived.Members[i].IsAttribute)
            {
                throw TypeFactory.Unsupported(derived.ClrType,
                    $"its members do not start with those of its base '{TypeNaming.Display(baseType.ClrType)}' (a property hidden, ignored or an attribute), so it cannot extend it in the schema");
            }
        }

        factory.SetBaseType(derived, baseType, inherited);
    }

    /// <summary>
    /// Describes <paramref name="known"/> and lets it stand in place of each of its data contract bases; returns how
    /// many bases it was registered with (0: it derives from no data contract).
    /// </summary>
    public static int Register(Type known, TypeFactory factory)
    {
        if (!DataContractShape.IsDataContract(known))
        {
            throw TypeFactory.Unsupported(known, "it is declared as a known type but is not a [DataContract]; mark it [DataContract] and its members [DataMember]");
        }

        var derived = factory.Resolve(known);
        var count = 0;
        for (var baseType = known.BaseType; baseType is not null && DataContractShape.IsDataContract(baseType); baseType = baseType.BaseType)
        {
            factory.AddKnownType(factory.Resolve(baseType), derived);
            count++;
        }

        return count;
    }
}
