using System.Globalization;
using System.Xml.Linq;
using SoapMiddleware.Model;
using SoapMiddleware.Xml;

using SoapMiddleware.Description;

namespace SoapMiddleware.Protocols.Soap;

/// <summary>
/// The namespaces a SOAP envelope declares, in order: <c>soap</c>, <c>tns</c> (the application's), then the other
/// namespaces of the application's types (a WCF contract's data contracts, WCF's Arrays namespace) as q1, q2 ..., so
/// their elements need no declaration of their own; none of those on the core path. One list serves the tree, the
/// byte sink and the byte writer's prefixes.
/// </summary>
internal sealed class EnvelopeNamespaces
{
    private readonly (string Prefix, string Namespace)[] _declared;

    public EnvelopeNamespaces(SoapVersion version, RpcDescription description)
    {
        var types = description.Model.SchemaTypes
            .Where(t => t.Kind != RpcTypeKind.Primitive && t.SchemaName.Namespace != description.Namespace)
            .Select(t => t.SchemaName.Namespace)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .Select((ns, i) => ("q" + (i + 1).ToString(CultureInfo.InvariantCulture), ns));
        _declared = [("soap", version.Namespace.NamespaceName), ("tns", description.Namespace), .. types];

        var prefixes = new Dictionary<XNamespace, string> { [XNamespace.None] = string.Empty };
        foreach (var (prefix, ns) in _declared)
        {
            prefixes[XNamespace.Get(ns)] = prefix;
        }

        Tags = new Utf8TagCache(prefixes);
    }

    /// <summary>The byte writer's tags, with these prefixes.</summary>
    public Utf8TagCache Tags { get; }

    /// <summary>Declares every namespace on the element <paramref name="sink"/> has just started.</summary>
    public void Declare(XmlSink sink)
    {
        foreach (var (prefix, ns) in _declared)
        {
            sink.WriteNamespace(prefix, ns);
        }
    }

    /// <summary>The declarations as attributes of a tree's envelope element.</summary>
    public IEnumerable<XAttribute> Attributes() => _declared.Select(d => new XAttribute(XNamespace.Xmlns + d.Prefix, d.Namespace));
}
