using System.Text;
using System.Xml.Linq;

namespace SoapMiddleware.Xml;

/// <summary>
/// The UTF-8 bytes of each element's start (<c>&lt;tns:Sku</c>) and end (<c>&lt;/tns:Sku&gt;</c>) tag, encoded once.
/// Namespaces with a fixed prefix (declared on the envelope) use it; any other namespace becomes a default namespace
/// declaration on the element itself.
/// </summary>
/// <remarks>
/// Read on every element of every response, so reads take no lock: the table is replaced (copy on write) when a new
/// name appears, which stops happening once each operation has answered once. <see cref="XName"/>s are atomized, so
/// reference equality is exact.
/// </remarks>
internal sealed class Utf8TagCache(IReadOnlyDictionary<XNamespace, string> prefixes)
{
    private readonly object _gate = new();
    private volatile Dictionary<XName, (byte[] Open, byte[] Close)> _tags = new(ReferenceEqualityComparer.Instance);

    public (byte[] Open, byte[] Close) Get(XName name)
    {
        if (_tags.TryGetValue(name, out var tag))
        {
            return tag;
        }

        lock (_gate)
        {
            if (!_tags.TryGetValue(name, out tag))
            {
                tag = Encode(name);
                _tags = new Dictionary<XName, (byte[] Open, byte[] Close)>(_tags, ReferenceEqualityComparer.Instance) { [name] = tag };
            }

            return tag;
        }
    }

    private (byte[] Open, byte[] Close) Encode(XName name)
    {
        string qualified;
        var declaration = string.Empty;
        if (prefixes.TryGetValue(name.Namespace, out var prefix))
        {
            qualified = prefix.Length == 0 ? name.LocalName : prefix + ":" + name.LocalName;
        }
        else
        {
            qualified = name.LocalName;
            declaration = " xmlns=\"" + System.Security.SecurityElement.Escape(name.NamespaceName) + "\"";
        }

        return (Encoding.UTF8.GetBytes("<" + qualified + declaration), Encoding.UTF8.GetBytes("</" + qualified + ">"));
    }
}
