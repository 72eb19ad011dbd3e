using System.Xml;
using SoapMiddleware.Client.Wsdl;
using SoapMiddleware.Client.Wsdl.Schema;

namespace SoapMiddleware.Tool.Inspect;

/// <summary>
/// Works out the parameters of a message as zeep shows them: in document style, the children of the body's single
/// element (the wrapper, or a bare element's content); in RPC style, or with several parts, one parameter per part.
/// </summary>
internal sealed class SignatureReader(XsdSchemaSet schemas, Prefixes prefixes)
{
    private const int MaxInlineDepth = 3;

    public IReadOnlyList<Parameter> Parameters(WsdlMessage? message, OperationStyle style)
    {
        if (message is null)
        {
            return [];
        }

        if (style == OperationStyle.Document && message.Body is [{ Element: { } element }]
            && schemas.Elements.TryGetValue(element, out var declaration)
            && TypeOf(declaration) is XsdComplexType { Derivation: XsdDerivation.None, Attributes: [] } wrapper)
        {
            var parameters = new List<Parameter>();
            if (wrapper.Content is { } content)
            {
                Flatten(content, parameters, 0);
            }

            return parameters;
        }

        return message.Body.Select(Part).ToList();
    }

    public Parameter Part(WsdlPart part)
    {
        if (part.Type is { } type)
        {
            return new Parameter(part.Name, prefixes.Name(type));
        }

        var element = part.Element!;
        return new Parameter(part.Name, schemas.Elements.TryGetValue(element, out var declaration) ? TypeName(declaration, 0) : prefixes.Name(element));
    }

    private XsdType? TypeOf(XsdElement element) =>
        element.AnonymousType ?? (element.Type is { } type ? schemas.Types.GetValueOrDefault(type) : null);

    private void Flatten(XsdParticle particle, List<Parameter> parameters, int depth)
    {
        switch (particle)
        {
            case XsdElement element:
                var name = element.Name.Name;
                var declaration = element.IsReference ? schemas.Elements.GetValueOrDefault(element.Name) : element;
                var type = declaration is null ? prefixes.Name(element.Name) : TypeName(declaration, depth);
                parameters.Add(new Parameter(name, element.IsRepeated ? type + "[]" : type));
                break;
            case XsdGroup group:
                foreach (var item in group.Items)
                {
                    Flatten(item, parameters, depth);
                }

                break;
            case XsdGroupReference reference when schemas.Groups.TryGetValue(reference.Group, out var named) && depth < MaxInlineDepth:
                Flatten(named, parameters, depth + 1);
                break;
            case XsdAny:
                parameters.Add(new Parameter($"_value_{parameters.Count + 1}", "ANY"));
                break;
        }
    }

    private string TypeName(XsdElement element, int depth)
    {
        if (element.Type is { } named)
        {
            return prefixes.Name(named);
        }

        switch (element.AnonymousType)
        {
            case XsdSimpleType simple:
                return simple.BaseType is { } simpleBase ? prefixes.Name(simpleBase) : "xsd:anySimpleType";
            case XsdComplexType { Content: { } content } when depth < MaxInlineDepth:
                var children = new List<Parameter>();
                Flatten(content, children, depth + 1);
                return "{" + string.Join(", ", children.Select(c => $"{c.Name}: {c.Type}")) + "}";
            case XsdComplexType { BaseType: XmlQualifiedName baseType }:
                return prefixes.Name(baseType);
            default:
                return element.IsReference ? prefixes.Name(element.Name) : "{}";
        }
    }
}
