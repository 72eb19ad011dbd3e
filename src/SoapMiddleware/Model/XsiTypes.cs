using System.Xml.Linq;
using SoapMiddleware.Xml;

namespace SoapMiddleware.Model;

/// <summary>
/// Reads <c>xsi:type</c> on an element of a polymorphic type (<see cref="RpcType.IsPolymorphic"/>) the same way for
/// both XML readers: no attribute reads the declared type (an abstract one is refused), a name of one of its known
/// types reads that type, anything else is a client error naming the value. Never a guess, never a crash.
/// </summary>
internal static class XsiTypes
{
    public static readonly XName Name = XmlNames.Xsi + "type";

    public static RpcType Resolve(RpcType declared, string? value, XElement element)
        => value is null ? Untyped(declared) : Resolve(declared, value, prefix => prefix.Length == 0 ? element.GetDefaultNamespace().NamespaceName : element.GetNamespaceOfPrefix(prefix)?.NamespaceName);

    public static RpcType Resolve(RpcType declared, string? value, XmlPullReader reader)
        => value is null ? Untyped(declared) : Resolve(declared, value, reader.LookupNamespace);

    private static RpcType Resolve(RpcType declared, string value, Func<string, string?> lookup)
    {
        var qname = value.Trim();
        var colon = qname.IndexOf(':', StringComparison.Ordinal);
        var prefix = colon < 0 ? string.Empty : qname[..colon];
        var localName = qname[(colon + 1)..];
        var ns = lookup(prefix);
        if (ns is null)
        {
            throw new ModelReadException($"xsi:type '{EchoedText.Cap(value)}' uses the undeclared prefix '{EchoedText.Cap(prefix)}'.");
        }

        var type = declared.KnownTypeNamed(localName, ns)
            ?? throw new ModelReadException(
                $"xsi:type '{EchoedText.Cap(value)}' ({{{EchoedText.Cap(ns)}}}{EchoedText.Cap(localName)}) is not {XmlNames.Display(declared.SchemaName)} nor one of its known types{Expected(declared)}.");
        return type.IsAbstract ? Untyped(type) : type;
    }

    private static RpcType Untyped(RpcType declared)
        => declared.IsAbstract
            ? throw new ModelReadException($"{XmlNames.Display(declared.SchemaName)} is abstract; the element needs an xsi:type naming one of its known types{Expected(declared)}.")
            : declared;

    private static string Expected(RpcType declared)
    {
        var names = declared.KnownTypes.Where(t => !t.IsAbstract).Select(t => t.SchemaName.Name).Order(StringComparer.Ordinal).ToList();
        return names.Count == 0 ? "" : " (" + string.Join(", ", names) + ")";
    }
}
