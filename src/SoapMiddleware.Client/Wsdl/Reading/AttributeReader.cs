using System.Xml;
using System.Xml.Linq;
using SoapMiddleware.Client.Wsdl.Schema;

namespace SoapMiddleware.Client.Wsdl.Reading;

/// <summary>Reads attribute declarations, references (with <c>wsdl:arrayType</c>), attribute group references and wildcards.</summary>
internal sealed class AttributeReader(QNames names, WarningSink warnings)
{
    private static readonly XmlQualifiedName Wildcard = new("*");

    public void ReadAll(XElement parent, SchemaContext context, List<XsdAttribute> attributes, List<XmlQualifiedName> groups)
    {
        foreach (var child in parent.Elements())
        {
            if (XsNames.Is(child, "attribute"))
            {
                attributes.Add(Read(child, context, global: false));
            }
            else if (XsNames.Is(child, "attributeGroup") && names.Read(child, "ref", context.Document) is { } group)
            {
                groups.Add(group);
            }
            else if (XsNames.Is(child, "anyAttribute"))
            {
                attributes.Add(new XsdAttribute { Name = Wildcard, Type = null, IsReference = false, IsRequired = false, IsWildcard = true });
            }
        }
    }

    public XsdAttribute Read(XElement attribute, SchemaContext context, bool global)
    {
        var required = attribute.Attribute("use")?.Value == "required";
        if (names.Read(attribute, "ref", context.Document) is { } reference)
        {
            return new XsdAttribute
            {
                Name = reference,
                Type = null,
                IsReference = true,
                IsRequired = required,
                ArrayType = attribute.Attribute(WsdlNames.ArrayType)?.Value is { } arrayType
                    ? names.Parse(attribute, arrayType.Split('[', 2)[0].Trim(), context.Document)
                    : null,
            };
        }

        var qualified = global || attribute.Attribute("form")?.Value switch
        {
            "qualified" => true,
            "unqualified" => false,
            _ => context.QualifiedAttributes,
        };
        var anonymous = attribute.Elements().FirstOrDefault(e => XsNames.Is(e, "simpleType")) is { } simple
            ? SimpleTypeReader.Read(simple, context, null, names, warnings)
            : null;
        return new XsdAttribute
        {
            Name = new XmlQualifiedName(attribute.Attribute("name")?.Value ?? "", qualified ? context.TargetNamespace : ""),
            Type = anonymous is null ? names.Read(attribute, "type", context.Document) ?? new XmlQualifiedName("anySimpleType", XsdNames.Xsd) : null,
            AnonymousType = anonymous,
            IsReference = false,
            IsRequired = required,
        };
    }
}
