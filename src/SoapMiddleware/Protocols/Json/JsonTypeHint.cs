using System.Text.Json;
using SoapMiddleware.Model;

namespace SoapMiddleware.Protocols.Json;

/// <summary>
/// WCF's JSON type hint for a derived data contract in place of its base: a first property <c>"__type"</c> of the form
/// <c>"Name:#Clr.Namespace"</c> (DataContractSerializer's namespaces) or <c>"Name:namespace"</c> (an explicit one).
/// Written only where the runtime type differs from the declared one, read only for polymorphic types
/// (<see cref="RpcType.IsPolymorphic"/>): an object without it is the declared type.
/// </summary>
internal static class JsonTypeHint
{
    public const string Property = "__type";

    private const string DataContractPrefix = "http://schemas.datacontract.org/2004/07/";

    public static string Format(RpcType type)
    {
        var ns = type.SchemaName.Namespace;
        return type.SchemaName.Name + ":" + (ns.StartsWith(DataContractPrefix, StringComparison.Ordinal) ? "#" + ns[DataContractPrefix.Length..] : ns);
    }

    /// <summary>The hint of <paramref name="obj"/>, or null when it has none (or a non-string one, left to the member check).</summary>
    public static string? Of(JsonElement obj)
        => obj.TryGetProperty(Property, out var hint) && hint.ValueKind == JsonValueKind.String ? hint.GetString() : null;

    /// <summary>The declared type or the known type <paramref name="hint"/> names; null when it names neither.</summary>
    public static RpcType? Find(RpcType declared, string hint)
    {
        if (Format(declared) == hint)
        {
            return declared;
        }

        foreach (var known in declared.KnownTypes)
        {
            if (Format(known) == hint)
            {
                return known;
            }
        }

        return null;
    }
}
