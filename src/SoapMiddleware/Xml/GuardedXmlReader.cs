using System.Xml;
using System.Xml.Linq;
using SoapMiddleware.Protocols.Soap;

namespace SoapMiddleware.Xml;

/// <summary>
/// <see cref="XmlReader"/> with the hardening every request needs: DTDs prohibited (so no XXE and no entity
/// expansion bombs), no external resolution, comments and processing instructions dropped, and the
/// <see cref="XmlLimits"/> checked on every element as it is read rather than after.
/// </summary>
/// <remarks>
/// The exact reader: every request the fast path does not take, and every malformed one, is read here, so the
/// "not well-formed" messages are <see cref="XmlReader"/>'s own. <see cref="XmlException"/>s pass through; callers
/// turn them into Client faults.
/// </remarks>
internal sealed class GuardedXmlReader : XmlPullReader, IDisposable
{
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
        CloseInput = true,
    };

    private readonly XmlReader _reader;
    private readonly XmlLimits _limits;
    private XmlNodeType _nodeType = XmlNodeType.None;
    private string[]? _namespaces;
    private int _namespaceCount;

    public GuardedXmlReader(ReadOnlyMemory<byte> bytes, XmlLimits limits)
    {
        _limits = limits;
        _reader = XmlReader.Create(new ReadOnlyMemoryStream(bytes), Settings);
    }

    public override XmlNodeType NodeType => _nodeType;

    public override string LocalName => _reader.LocalName;

    public override string NamespaceURI => _reader.NamespaceURI;

    public override int Depth => _reader.Depth;

    public override bool IsEmptyElement => _reader.IsEmptyElement;

    public override string Value
    {
        get
        {
            try
            {
                return _reader.Value;
            }
            catch
            {
                Failed = true;
                throw;
            }
        }
    }

    public override int AttributeCount => _reader.AttributeCount;

    public override bool Read()
    {
        try
        {
            while (_reader.Read())
            {
                switch (_reader.NodeType)
                {
                    case XmlNodeType.Element:
                        _nodeType = XmlNodeType.Element;
                        CheckElement();
                        return true;
                    case XmlNodeType.EndElement:
                        _nodeType = XmlNodeType.EndElement;
                        return true;
                    case XmlNodeType.Text:
                    case XmlNodeType.CDATA:
                    case XmlNodeType.SignificantWhitespace:
                    case XmlNodeType.Whitespace:
                        // Whitespace around the root element is not content.
                        if (_reader.Depth > 0)
                        {
                            _nodeType = XmlNodeType.Text;
                            return true;
                        }

                        break;
                    case XmlNodeType.DocumentType:
                        throw XmlLimits.DtdNotAllowed();
                }
            }

            _nodeType = XmlNodeType.None;
            return false;
        }
        catch
        {
            Failed = true;
            throw;
        }
    }

    public override string? GetAttribute(string localName, string namespaceUri)
    {
        try
        {
            return _reader.GetAttribute(localName, namespaceUri);
        }
        catch
        {
            Failed = true;
            throw;
        }
    }

    public override string? LookupNamespace(string prefix)
    {
        try
        {
            return _reader.LookupNamespace(prefix) ?? (prefix.Length == 0 ? string.Empty : null);
        }
        catch
        {
            Failed = true;
            throw;
        }
    }

    public override XAttribute CreateAttribute(int index)
    {
        try
        {
            _reader.MoveToAttribute(index);
            var attribute = new XAttribute(AttributeName(_reader), _reader.Value);
            _reader.MoveToElement();
            return attribute;
        }
        catch
        {
            Failed = true;
            throw;
        }
    }

    public void Dispose() => _reader.Dispose();

    /// <summary>Namespace declarations need LINQ to XML's spelling: <c>xmlns</c> alone, or <c>xmlns:prefix</c>.</summary>
    private static XName AttributeName(XmlReader reader)
    {
        if (reader.NamespaceURI == XmlnsNamespace)
        {
            return reader.Prefix.Length == 0 ? XName.Get("xmlns") : XNamespace.Xmlns + reader.LocalName;
        }

        return XName.Get(reader.LocalName, reader.NamespaceURI);
    }

    private void CheckElement()
    {
        if (_reader.Depth >= _limits.MaxDepth)
        {
            throw _limits.TooDeep();
        }

        var count = _reader.AttributeCount;
        if (count == 0)
        {
            return;
        }

        if (count > _limits.MaxAttributesPerElement)
        {
            throw _limits.TooManyAttributes();
        }

        var declarations = 0;
        for (var i = 0; i < count; i++)
        {
            _reader.MoveToAttribute(i);
            if (_reader.NamespaceURI == XmlnsNamespace)
            {
                if (++declarations > _limits.MaxNamespaceDeclarations)
                {
                    throw _limits.TooManyNamespaceDeclarations();
                }

                NoteNamespace(_reader.Value);
            }
        }

        _reader.MoveToElement();
    }

    /// <summary>Counts distinct declared namespace names; a request may declare at most the limit.</summary>
    private void NoteNamespace(string name)
    {
        for (var i = 0; i < _namespaceCount; i++)
        {
            if (_namespaces![i] == name)
            {
                return;
            }
        }

        if (_namespaceCount == _limits.MaxNamespaceDeclarations)
        {
            throw _limits.TooManyNamespaces();
        }

        _namespaces ??= new string[Math.Min(_limits.MaxNamespaceDeclarations, 8)];
        if (_namespaceCount == _namespaces.Length)
        {
            Array.Resize(ref _namespaces, Math.Min(_namespaces.Length * 2, _limits.MaxNamespaceDeclarations));
        }

        _namespaces[_namespaceCount++] = name;
    }
}
