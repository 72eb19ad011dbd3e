using System.Reflection;
using System.Runtime.Serialization;

namespace SoapMiddleware.Model;

/// <summary>
/// The namespaces WCF's DataContractSerializer gives types it writes on its own terms: a <c>[DataContract]</c> (or
/// enum) without a Namespace lives in <c>http://schemas.datacontract.org/2004/07/{CLR namespace}</c> (or the
/// assembly's <c>[ContractNamespace]</c> for that CLR namespace), collections of primitives in its Arrays namespace,
/// collections of nullable values in its System namespace. Used only when a WCF contract asks for it
/// (<see cref="TypeModel.UseDataContractNamespaces"/>); the core path keeps one namespace per application.
/// </summary>
internal static class ContractNamespaces
{
    public const string DataContractBase = "http://schemas.datacontract.org/2004/07/";

    public const string Arrays = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";

    /// <summary>Where DataContractSerializer puts <c>Nullable&lt;T&gt;</c> collections (<c>ArrayOfNullableOfint</c>).</summary>
    public const string System = DataContractBase + "System";

    /// <summary>The namespace DataContractSerializer gives <paramref name="type"/> when its contract names none.</summary>
    public static string DefaultOf(Type type)
    {
        var clrNamespace = type.Namespace ?? string.Empty;
        foreach (var mapping in type.Assembly.GetCustomAttributes<ContractNamespaceAttribute>())
        {
            if ((mapping.ClrNamespace ?? string.Empty) == clrNamespace)
            {
                return mapping.ContractNamespace;
            }
        }

        return DataContractBase + clrNamespace;
    }

    /// <summary>
    /// DataContractSerializer's default name of a nested type: the enclosing types' names joined with dots
    /// (<c>Outer.Inner</c>); null for a top-level type, whose name is its own.
    /// </summary>
    public static string? NestedNameOf(Type type)
    {
        if (!type.IsNested)
        {
            return null;
        }

        var name = type.Name;
        for (var outer = type.DeclaringType; outer is not null; outer = outer.DeclaringType)
        {
            name = outer.Name + "." + name;
        }

        return name;
    }
}
