using SoapMiddleware.Model;

namespace SoapMiddleware.Description.Schema;

/// <summary>
/// Which type of a schema description an <see cref="RpcRecord"/> is written as where a polymorphic type (one with
/// derived types) is declared: the type its <see cref="RpcRecord.TypeName"/> names, marked with <c>xsi:type</c> when
/// it is a derived one. A record without a type name is the declared type.
/// </summary>
internal static class RecordTypes
{
    public static RpcType Resolve(RpcType declared, RpcRecord record)
    {
        if (record.TypeName is not { } name)
        {
            return declared;
        }

        var found = name.Namespace.Length > 0 ? declared.KnownTypeNamed(name.Name, name.Namespace) : ByLocalName(declared, name.Name);
        return found ?? throw new InvalidOperationException(
            $"Cannot write a record of type '{name}' in place of {XmlNames.Display(declared.SchemaName)}: it is neither that type nor one of its derived types ({string.Join(", ", declared.KnownTypes.Select(t => t.SchemaName.Name))}).");
    }

    // A type name without a namespace (new XmlQualifiedName("Dog")) names the declared type or a derived one by its local name.
    private static RpcType? ByLocalName(RpcType declared, string localName)
        => declared.SchemaName.Name == localName ? declared : declared.KnownTypes.FirstOrDefault(t => t.SchemaName.Name == localName);
}
