using System.Xml;
using SoapMiddleware.Client.Wsdl.Schema;

namespace SoapMiddleware.Client.Wsdl.Caching;

/// <summary>Reads what <see cref="DescriptionWriter"/> wrote, in the same order; a malformed input throws <see cref="InvalidDataException"/>.</summary>
internal sealed class DescriptionReader(BinaryReader input)
{
    private readonly List<string> _strings = [];
    private readonly List<XmlQualifiedName> _names = [];
    private Uri? _lastDocument;
    private string? _lastDocumentText;

    public WsdlDescription Read() => new()
    {
        Location = ReadUri(),
        TargetNamespace = RequiredString(),
        Services = List(() => new WsdlService { Name = RequiredString(), Ports = List(ReadPort) }),
        Schemas = ReadSchemas(),
        Documents = List(ReadUri),
        Warnings = List(() => new WsdlWarning(RequiredString(), ReadUri(), input.Read7BitEncodedInt(), input.Read7BitEncodedInt())),
    };

    private WsdlPort ReadPort() => new()
    {
        Name = RequiredString(),
        Binding = RequiredName(),
        PortType = RequiredName(),
        Protocol = (WsdlBindingProtocol)input.ReadByte(),
        Address = String(),
        Operations = List(() => new WsdlOperation
        {
            Name = RequiredString(),
            Style = (OperationStyle)input.ReadByte(),
            SoapAction = String(),
            Input = ReadMessage(),
            Output = ReadMessage(),
            Faults = List(() => new WsdlFault
            {
                Name = RequiredString(),
                Message = RequiredName(),
                Detail = input.ReadBoolean() ? ReadPart() : null,
                Use = (BodyUse)input.ReadByte(),
            }),
            IsWrapped = input.ReadBoolean(),
            Source = ReadSource(),
        }),
    };

    private WsdlMessage? ReadMessage() => !input.ReadBoolean() ? null : new WsdlMessage
    {
        Message = RequiredName(),
        Body = List(ReadPart),
        Headers = List(ReadPart),
        Use = (BodyUse)input.ReadByte(),
        Namespace = String(),
    };

    private WsdlPart ReadPart() => new() { Name = RequiredString(), Element = Name(), Type = Name(), IsRequired = input.ReadBoolean() };

    private XsdSchemaSet ReadSchemas() => new()
    {
        Types = Map(() => ReadType() ?? throw Malformed("a null type")),
        Elements = Map(() => ReadParticle() as XsdElement ?? throw Malformed("a global element that is not an element")),
        Attributes = Map(ReadAttribute),
        Groups = Map(() => ReadParticle() ?? throw Malformed("a null group")),
        AttributeGroups = Map<IReadOnlyList<XsdAttribute>>(() => List(ReadAttribute)),
        Namespaces = List(RequiredString),
    };

    private XsdType? ReadType()
    {
        var kind = input.ReadByte();
        if (kind == 0)
        {
            return null;
        }

        var name = Name();
        var baseType = Name();
        var source = ReadSource();
        return kind switch
        {
            1 => new XsdComplexType
            {
                Name = name,
                BaseType = baseType,
                Source = source,
                Derivation = (XsdDerivation)input.ReadByte(),
                IsSimpleContent = input.ReadBoolean(),
                Content = ReadParticle(),
                Attributes = List(ReadAttribute),
                AttributeGroups = List(RequiredName),
                ArrayItemType = Name(),
                IsAbstract = input.ReadBoolean(),
                IsMixed = input.ReadBoolean(),
            },
            2 => new XsdSimpleType
            {
                Name = name,
                BaseType = baseType,
                Source = source,
                Enumeration = List(RequiredString),
                ListItemType = Name(),
                UnionMemberTypes = List(RequiredName),
            },
            _ => throw Malformed($"type kind {kind}"),
        };
    }

    private XsdParticle? ReadParticle()
    {
        var kind = input.ReadByte();
        if (kind == 0)
        {
            return null;
        }

        var min = input.Read7BitEncodedInt();
        var max = input.Read7BitEncodedInt();
        var source = ReadSource();
        return kind switch
        {
            1 => new XsdElement
            {
                MinOccurs = min,
                MaxOccurs = max,
                Source = source,
                Name = RequiredName(),
                Type = Name(),
                AnonymousType = ReadType(),
                IsReference = input.ReadBoolean(),
                IsNillable = input.ReadBoolean(),
                SubstitutionGroup = Name(),
            },
            2 => new XsdGroup { MinOccurs = min, MaxOccurs = max, Source = source, Kind = (XsdGroupKind)input.ReadByte(), Items = List(() => ReadParticle() ?? throw Malformed("a null group item")) },
            3 => new XsdGroupReference { MinOccurs = min, MaxOccurs = max, Source = source, Group = RequiredName() },
            4 => new XsdAny { MinOccurs = min, MaxOccurs = max, Source = source, Namespace = RequiredString(), ProcessContents = RequiredString() },
            _ => throw Malformed($"particle kind {kind}"),
        };
    }

    private XsdAttribute ReadAttribute() => new()
    {
        Name = RequiredName(),
        Type = Name(),
        AnonymousType = ReadType() is { } type ? type as XsdSimpleType ?? throw Malformed("an attribute of a complex type") : null,
        IsReference = input.ReadBoolean(),
        IsRequired = input.ReadBoolean(),
        IsWildcard = input.ReadBoolean(),
        ArrayType = Name(),
    };

    private Uri ReadUri() => new(RequiredString(), UriKind.Absolute);

    // One Uri per run of locations in one document, not one per location: the string table gives the same instance back.
    private SourceLocation ReadSource()
    {
        var document = String();
        var line = input.Read7BitEncodedInt();
        var column = input.Read7BitEncodedInt();
        if (document is null)
        {
            return default;
        }

        if (!ReferenceEquals(document, _lastDocumentText))
        {
            _lastDocument = new Uri(document, UriKind.Absolute);
            _lastDocumentText = document;
        }

        return new SourceLocation(_lastDocument, line, column);
    }

    private List<T> List<T>(Func<T> read)
    {
        var count = Count();
        var items = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            items.Add(read());
        }

        return items;
    }

    private Dictionary<XmlQualifiedName, T> Map<T>(Func<T> read)
    {
        var count = Count();
        var map = new Dictionary<XmlQualifiedName, T>(count);
        for (var i = 0; i < count; i++)
        {
            var key = RequiredName();
            map.Add(key, read());
        }

        return map;
    }

    private int Count()
    {
        var count = input.Read7BitEncodedInt();
        // No list is longer than the bytes left: a corrupt count fails here instead of allocating gigabytes.
        return count >= 0 && count <= input.BaseStream.Length - input.BaseStream.Position ? count : throw Malformed($"a count of {count}");
    }

    private string RequiredString() => String() ?? throw Malformed("a null string");

    private string? String()
    {
        var id = input.Read7BitEncodedInt();
        switch (id)
        {
            case 0:
                return null;
            case 1:
                var value = input.ReadString();
                _strings.Add(value);
                return value;
            default:
                return id - 2 < _strings.Count ? _strings[id - 2] : throw Malformed($"string {id - 2} of {_strings.Count}");
        }
    }

    private XmlQualifiedName RequiredName() => Name() ?? throw Malformed("a null name");

    private XmlQualifiedName? Name()
    {
        var id = input.Read7BitEncodedInt();
        switch (id)
        {
            case 0:
                return null;
            case 1:
                var ns = RequiredString();
                var name = new XmlQualifiedName(RequiredString(), ns);
                _names.Add(name);
                return name;
            default:
                return id - 2 < _names.Count ? _names[id - 2] : throw Malformed($"name {id - 2} of {_names.Count}");
        }
    }

    private static InvalidDataException Malformed(string what) => new($"malformed description: {what}");
}
