using System.Text;
using System.Xml;

namespace SoapMiddleware.Model;

/// <summary>
/// Gives named types their schema names (<c>Order</c>, <c>PageOfOrder</c>) and guarantees that one name means one
/// CLR type: two different types with the same name would silently share a schema type, so that is an error.
/// </summary>
internal sealed class TypeNaming(string targetNamespace)
{
    private readonly Dictionary<string, (object Identity, RpcType Type)> _committed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (object Identity, RpcType Type)> _pending = new(StringComparer.Ordinal);

    public XmlQualifiedName NameOf(Type type, TypeFactory factory)
    {
        if (DataContractShape.NamespaceOf(type) is { } ns && ns != targetNamespace)
        {
            throw new InvalidOperationException(
                $"Type '{Display(type)}' has [DataContract(Namespace = \"{ns}\")], but this application's types live in '{targetNamespace}': the type model writes one namespace per application. Set the contract's Namespace to '{targetNamespace}'.");
        }

        if (DataContractShape.NameOf(type) is { } contractName)
        {
            return new XmlQualifiedName(contractName, targetNamespace);
        }

        if (XmlNameAttributes.TypeName(type) is { } xmlTypeName)
        {
            return new XmlQualifiedName(xmlTypeName, targetNamespace);
        }

        if (!type.IsGenericType)
        {
            return new XmlQualifiedName(type.Name, targetNamespace);
        }

        var name = new StringBuilder(type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]);
        var arguments = type.GetGenericArguments();
        for (var i = 0; i < arguments.Length; i++)
        {
            name.Append(i == 0 ? "Of" : "And").Append(factory.Resolve(arguments[i]).ItemName);
        }

        return new XmlQualifiedName(name.ToString(), targetNamespace);
    }

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
