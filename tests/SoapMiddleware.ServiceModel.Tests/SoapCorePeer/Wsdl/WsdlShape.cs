using System.Xml.Linq;

namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer.Wsdl;

/// <summary>
/// What a client generator reads from a WSDL, as a set of one-line facts: element names and namespaces (schema
/// elements, sequences in order, occurrence, nillability, types), messages resolved into the operations that use them,
/// soapActions, styles and uses per SOAP version, and the service's ports. Prefixes, message names, attribute order,
/// the host and port of the address and whitespace are left out, since no client depends on them; everything else
/// a generated proxy or its wire format depends on is kept, so two WSDLs with equal shapes give the same client.
/// </summary>
internal sealed class WsdlShape
{
    private static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";
    private static readonly XNamespace Soap11 = "http://schemas.xmlsoap.org/wsdl/soap/";
    private static readonly XNamespace Soap12 = "http://schemas.xmlsoap.org/wsdl/soap12/";
    private static readonly XNamespace Xsd = "http://www.w3.org/2001/XMLSchema";

    private readonly SortedSet<string> _facts = new(StringComparer.Ordinal);
    private readonly XElement _root;
    private readonly string _targetNamespace;

    private WsdlShape(XDocument document)
    {
        _root = document.Root ?? throw new ArgumentException("The WSDL has no root element.");
        if (_root.Name != Wsdl + "definitions")
        {
            throw new ArgumentException($"Expected wsdl:definitions, got {_root.Name}.");
        }

        _targetNamespace = (string?)_root.Attribute("targetNamespace") ?? "";
    }

    /// <summary>The facts, sorted.</summary>
    public IReadOnlySet<string> Facts => _facts;

    /// <summary>Reads the shape of a WSDL 1.1 document.</summary>
    public static WsdlShape Parse(string wsdl)
    {
        var shape = new WsdlShape(XDocument.Parse(wsdl));
        shape.ReadDefinitions();
        shape.ReadSchemas();
        shape.ReadPortTypes();
        shape.ReadBindings();
        shape.ReadServices();
        return shape;
    }

    private void Add(string fact) => _facts.Add(fact);

    private void ReadDefinitions()
    {
        Add($"definitions targetNamespace={_targetNamespace}");
        Add($"definitions name={(string?)_root.Attribute("name") ?? "(none)"}");
    }

    private void ReadSchemas()
    {
        foreach (var schema in _root.Elements(Wsdl + "types").Elements(Xsd + "schema"))
        {
            var ns = (string?)schema.Attribute("targetNamespace") ?? "";
            Add($"schema {ns} elementFormDefault={(string?)schema.Attribute("elementFormDefault") ?? "unqualified"}"
                + $" attributeFormDefault={(string?)schema.Attribute("attributeFormDefault") ?? "unqualified"}");
            foreach (var import in schema.Elements(Xsd + "import"))
            {
                Add($"schema {ns} imports {(string?)import.Attribute("namespace") ?? "(no namespace)"}");
            }

            foreach (var item in schema.Elements())
            {
                var name = Name(item, ns);
                var kind = item.Name.LocalName;
                switch (kind)
                {
                    case "import" or "annotation":
                        break;
                    case "element":
                        ReadElementDeclaration($"element {name}", item);
                        break;
                    case "complexType":
                        ReadComplexType($"complexType {name}", item);
                        break;
                    case "simpleType":
                        ReadSimpleType($"simpleType {name}", item);
                        break;
                    default:
                        Add($"schema {ns} {kind} {name} {Attributes(item)}");
                        break;
                }
            }
        }
    }

    // A global element: its type, or its inline type's content.
    private void ReadElementDeclaration(string path, XElement element)
    {
        var nillable = (string?)element.Attribute("nillable") == "true" ? " nillable" : "";
        var type = element.Attribute("type");
        if (type is not null)
        {
            Add($"{path} type={QName(element, type.Value)}{nillable}");
            return;
        }

        Add($"{path} (inline type){nillable}");
        if (element.Element(Xsd + "complexType") is { } complexType)
        {
            ReadComplexType(path, complexType);
        }
        else if (element.Element(Xsd + "simpleType") is { } simpleType)
        {
            ReadSimpleType(path, simpleType);
        }
    }

    private void ReadComplexType(string path, XElement complexType)
    {
        if ((string?)complexType.Attribute("mixed") == "true")
        {
            Add($"{path} mixed");
        }

        if ((string?)complexType.Attribute("abstract") == "true")
        {
            Add($"{path} abstract");
        }

        var content = complexType;
        if (complexType.Element(Xsd + "complexContent") is { } complexContent)
        {
            var derivation = complexContent.Elements().First();
            Add($"{path} {derivation.Name.LocalName} base={QName(derivation, (string?)derivation.Attribute("base") ?? "")}");
            content = derivation;
        }

        var particles = 0;
        foreach (var group in content.Elements().Where(e => e.Name.LocalName is "sequence" or "all" or "choice"))
        {
            var index = 0;
            foreach (var particle in group.Elements())
            {
                Add($"{path} {group.Name.LocalName}[{index++}] {Particle(particle)}");
                particles++;
            }
        }

        foreach (var attribute in content.Elements(Xsd + "attribute"))
        {
            Add($"{path} attribute {(string?)attribute.Attribute("name") ?? (string?)attribute.Attribute("ref")}"
                + $" type={QName(attribute, (string?)attribute.Attribute("type") ?? "")} use={(string?)attribute.Attribute("use") ?? "optional"}");
            particles++;
        }

        if (particles == 0 && content == complexType && !complexType.HasElements)
        {
            Add($"{path} (empty)");
        }
    }

    // One member of a sequence: name (or ref), type, occurrence, nillability; an inline type is spelled out.
    private string Particle(XElement particle)
    {
        if (particle.Name != Xsd + "element")
        {
            return $"{particle.Name.LocalName} {Attributes(particle)}";
        }

        var name = (string?)particle.Attribute("name") ?? "ref=" + QName(particle, (string?)particle.Attribute("ref") ?? "");
        var type = particle.Attribute("type") is { } t ? QName(particle, t.Value) : "(inline type)";
        var min = (string?)particle.Attribute("minOccurs") ?? "1";
        var max = (string?)particle.Attribute("maxOccurs") ?? "1";
        var nillable = (string?)particle.Attribute("nillable") == "true" ? " nillable" : "";
        return $"{name}: {type} [{min}..{max}]{nillable}";
    }

    private void ReadSimpleType(string path, XElement simpleType)
    {
        if (simpleType.Element(Xsd + "restriction") is { } restriction)
        {
            Add($"{path} restriction base={QName(restriction, (string?)restriction.Attribute("base") ?? "")}");
            foreach (var facet in restriction.Elements())
            {
                Add($"{path} {facet.Name.LocalName}={(string?)facet.Attribute("value")}");
            }
        }
        else
        {
            Add($"{path} {Attributes(simpleType)} {string.Join(",", simpleType.Elements().Select(e => e.Name.LocalName))}");
        }
    }

    private void ReadPortTypes()
    {
        // Operations are keyed without the portType's name (a WSDL for one contract has one portType), so a renamed
        // portType is one difference, not one per operation.
        foreach (var portType in _root.Elements(Wsdl + "portType"))
        {
            Add($"portType name={(string?)portType.Attribute("name")}");
            foreach (var operation in portType.Elements(Wsdl + "operation"))
            {
                var path = $"portType operation {(string?)operation.Attribute("name")}";
                Add(path);
                foreach (var message in operation.Elements())
                {
                    var kind = message.Name.LocalName == "fault" ? $"fault {(string?)message.Attribute("name")}" : message.Name.LocalName;
                    Add($"{path} {kind} = {Message(message)}");
                    var action = message.Attribute(XName.Get("Action", "http://www.w3.org/2006/05/addressing/wsdl"))
                        ?? message.Attribute(XName.Get("Action", "http://www.w3.org/2007/05/addressing/metadata"));
                    if (action is not null)
                    {
                        Add($"{path} {kind} wsam:Action={action.Value}");
                    }
                }
            }
        }
    }

    // A message by what is on the wire (its parts' elements or types), not by its name, which no client sees.
    private string Message(XElement reference)
    {
        var qname = QName(reference, (string?)reference.Attribute("message") ?? "");
        var local = qname[(qname.IndexOf(':') + 1)..];
        var message = _root.Elements(Wsdl + "message").FirstOrDefault(m => (string?)m.Attribute("name") == local);
        if (message is null)
        {
            return $"(missing message {qname})";
        }

        return string.Join(", ", message.Elements(Wsdl + "part").Select(part =>
            $"part {(string?)part.Attribute("name")} "
            + (part.Attribute("element") is { } element ? $"element={QName(part, element.Value)}" : $"type={QName(part, (string?)part.Attribute("type") ?? "")}")));
    }

    private void ReadBindings()
    {
        foreach (var binding in _root.Elements(Wsdl + "binding"))
        {
            var soap = binding.Element(Soap11 + "binding") is not null ? Soap11 : binding.Element(Soap12 + "binding") is not null ? Soap12 : null;
            var version = soap == Soap11 ? "soap11" : soap == Soap12 ? "soap12" : "non-soap";
            var path = $"binding {version}";
            Add($"{path} name={(string?)binding.Attribute("name")} type={QName(binding, (string?)binding.Attribute("type") ?? "")}");
            if (soap is not null)
            {
                var soapBinding = binding.Element(soap + "binding")!;
                Add($"{path} transport={(string?)soapBinding.Attribute("transport")} style={(string?)soapBinding.Attribute("style") ?? "document"}");
            }

            foreach (var operation in binding.Elements(Wsdl + "operation"))
            {
                var opPath = $"{path} operation {(string?)operation.Attribute("name")}";
                var soapOperation = soap is null ? null : operation.Element(soap + "operation");
                Add($"{opPath} soapAction={(string?)soapOperation?.Attribute("soapAction") ?? "(none)"}"
                    + $" style={(string?)soapOperation?.Attribute("style") ?? "(binding's)"}");
                foreach (var message in operation.Elements().Where(e => e.Name.Namespace == Wsdl))
                {
                    var faultName = message.Name.LocalName == "fault" ? $" {(string?)message.Attribute("name")}" : "";
                    var parts = message.Elements().Select(e => $"{e.Name.LocalName} {Attributes(e)}");
                    Add($"{opPath} {message.Name.LocalName}{faultName}: {string.Join("; ", parts)}");
                }
            }
        }
    }

    private void ReadServices()
    {
        foreach (var service in _root.Elements(Wsdl + "service"))
        {
            var name = (string?)service.Attribute("name");
            Add($"service name={name}");
            foreach (var port in service.Elements(Wsdl + "port"))
            {
                // The host and port differ per run and per deployment; the path is part of the contract.
                var address = port.Elements().FirstOrDefault(e => e.Name.LocalName == "address");
                var location = (string?)address?.Attribute("location");
                var path = Uri.TryCreate(location, UriKind.Absolute, out var uri) ? uri.AbsolutePath : location ?? "(none)";
                var version = address?.Name.Namespace == Soap11 ? "soap11" : address?.Name.Namespace == Soap12 ? "soap12" : "non-soap";
                Add($"service port {version} path={path}");
                Add($"service port {version} name={(string?)port.Attribute("name")} binding={QName(port, (string?)port.Attribute("binding") ?? "")}");
            }
        }
    }

    // A global schema component's name, qualified by its schema's namespace.
    private string Name(XElement item, string schemaNamespace)
        => Qualify(schemaNamespace, (string?)item.Attribute("name") ?? "(anonymous)");

    // Resolves a prefixed name against the element's in-scope namespaces and renders it prefix-independently.
    private string QName(XElement context, string value)
    {
        if (value.Length == 0)
        {
            return "(none)";
        }

        var colon = value.IndexOf(':');
        var prefix = colon < 0 ? "" : value[..colon];
        var local = colon < 0 ? value : value[(colon + 1)..];
        var ns = prefix.Length == 0 ? context.GetDefaultNamespace() : context.GetNamespaceOfPrefix(prefix);
        if (ns is null)
        {
            return $"(unbound prefix {prefix}):{local}";
        }

        return Qualify(ns.NamespaceName, local);
    }

    private string Qualify(string ns, string local)
        => ns == _targetNamespace ? $"tns:{local}"
            : ns == Xsd.NamespaceName ? $"xsd:{local}"
            : $"{{{ns}}}{local}";

    // The attributes that matter for a construct this reader does not model, namespace declarations left out.
    private string Attributes(XElement element)
        => string.Join(" ", element.Attributes()
            .Where(a => !a.IsNamespaceDeclaration)
            .OrderBy(a => a.Name.ToString(), StringComparer.Ordinal)
            .Select(a => $"{a.Name.LocalName}={(a.Value.Contains(':') && a.Name.LocalName is "type" or "base" or "element" or "message" or "ref" ? QName(element, a.Value) : a.Value)}"));
}
