using System.Xml;
using System.Xml.Linq;
using SoapMiddleware.Client.Wsdl.Schema;

namespace SoapMiddleware.Client.Wsdl.Reading;

/// <summary>Reads an <c>xs:simpleType</c>: a restriction (base and enumeration; other facets are not kept), a list or a union.</summary>
internal static class SimpleTypeReader
{
    public static XsdSimpleType Read(XElement simpleType, SchemaContext context, XmlQualifiedName? name, QNames names, WarningSink warnings)
    {
        XmlQualifiedName? baseType = null;
        XmlQualifiedName? itemType = null;
        var enumeration = new List<string>();
        var members = new List<XmlQualifiedName>();
        foreach (var child in simpleType.Elements())
        {
            if (XsNames.Is(child, "restriction"))
            {
                baseType = names.Read(child, "base", context.Document);
                if (baseType is null && child.Elements().FirstOrDefault(e => XsNames.Is(e, "simpleType")) is { } inner)
                {
                    baseType = Read(inner, context, null, names, warnings).BaseType;
                }

                foreach (var facet in child.Elements())
                {
                    if (XsNames.Is(facet, "enumeration") && facet.Attribute("value")?.Value is { } value)
                    {
                        enumeration.Add(value);
                    }
                }
            }
            else if (XsNames.Is(child, "list"))
            {
                itemType = names.Read(child, "itemType", context.Document)
                    ?? (child.Elements().FirstOrDefault(e => XsNames.Is(e, "simpleType")) is { } inner
                        ? Read(inner, context, null, names, warnings).BaseType
                        : null)
                    ?? new XmlQualifiedName("anySimpleType", XsdNames.Xsd);
            }
            else if (XsNames.Is(child, "union"))
            {
                foreach (var member in (child.Attribute("memberTypes")?.Value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    members.Add(names.Parse(child, member, context.Document));
                }

                foreach (var inner in child.Elements().Where(e => XsNames.Is(e, "simpleType")))
                {
                    if (Read(inner, context, null, names, warnings).BaseType is { } innerBase)
                    {
                        members.Add(innerBase);
                    }
                }
            }
            else if (!XsNames.Is(child, "annotation"))
            {
                warnings.Add($"{child.Name.LocalName} is not supported in a simple type; skipped", context.Document, child);
            }
        }

        return new XsdSimpleType
        {
            Name = name,
            BaseType = baseType,
            Enumeration = enumeration,
            ListItemType = itemType,
            UnionMemberTypes = members,
            Source = SourceLocation.Of(context.Document, simpleType),
        };
    }
}
