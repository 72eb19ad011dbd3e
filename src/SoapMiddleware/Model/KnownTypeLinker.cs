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
            rpcType.InheritedMemberCount = DataContractShape.GetMembers(type).Count(m => m.DeclaringType != type);
            rpcType.BaseType = factory.Resolve(baseType);
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
            factory.Resolve(baseType).AddKnownType(derived);
            count++;
        }

        return count;
    }
}
