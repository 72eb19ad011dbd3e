using System.Xml;
using System.Xml.Linq;
using SoapMiddleware.Client.Wsdl.Schema;
using SoapMiddleware.Description.Schema;

namespace SoapMiddleware.Client.Dynamic;

/// <summary>
/// Adds a complex type's content to its record: elements of sequences, alls and choices (flattened; a choice's
/// branches and an optional group's elements optional, a repeated group's elements repeated), named groups, then
/// attributes and attribute groups. An <c>xs:any</c> wildcard is a member named <c>any</c> (<c>any2</c> ... when taken)
/// that holds the elements no other member names, as XML; a type has one: a second wildcard's elements go to it too.
/// </summary>
internal sealed class ParticleMapper(SchemaTypeMapper types, SchemaDescriptionBuilder builder)
{
    private const int MaxGroupDepth = 32;

    public void Add(SchemaType record, XsdComplexType complex, XmlQualifiedName name)
    {
        if (complex.Content is { } content)
        {
            Flatten(record, content, name, optional: false, repeated: false, depth: 0);
        }

        foreach (var attribute in complex.Attributes)
        {
            AddAttribute(record, attribute, name);
        }

        foreach (var group in complex.AttributeGroups)
        {
            foreach (var attribute in types.Schemas.AttributeGroups.GetValueOrDefault(group) ?? [])
            {
                AddAttribute(record, attribute, name);
            }
        }
    }

    private void Flatten(SchemaType record, XsdParticle particle, XmlQualifiedName owner, bool optional, bool repeated, int depth)
    {
        optional |= particle.MinOccurs == 0;
        repeated |= particle.IsRepeated;
        switch (particle)
        {
            case XsdElement element:
                var nillable = element.IsNillable || (element.IsReference && types.Schemas.Elements.GetValueOrDefault(element.Name)?.IsNillable == true);
                builder.AddMember(record, new SchemaMember(XName.Get(element.Name.Name, element.Name.Namespace), types.TypeOf(element, owner.Name))
                {
                    IsOptional = optional,
                    IsNillable = nillable,
                    IsRepeated = repeated,
                });
                break;
            case XsdGroup group:
                foreach (var item in group.Items)
                {
                    Flatten(record, item, owner, optional || group.Kind == XsdGroupKind.Choice, repeated, depth);
                }

                break;
            case XsdGroupReference reference when depth < MaxGroupDepth && types.Schemas.Groups.TryGetValue(reference.Group, out var named):
                Flatten(record, named, owner, optional, repeated, depth + 1);
                break;
            case XsdGroupReference reference:
                types.Warnings.Add($"The group '{reference.Group}' used by '{owner}' is not declared (or nests too deep); its elements are not read.");
                break;
            case XsdAny when record.Members.Any(m => m.IsWildcard):
                types.Warnings.Add($"The type '{owner}' has more than one xs:any wildcard; the elements of all are read into its first.");
                break;
            case XsdAny:
                builder.AddMember(record, new SchemaMember(XName.Get(FreeName(record, "any")), SchemaTypeMapper.AnyXml)
                {
                    IsWildcard = true,
                    IsOptional = optional,
                    IsRepeated = repeated,
                });
                break;
        }
    }

    private static string FreeName(SchemaType record, string name)
    {
        var candidate = name;
        for (var n = 2; record.Members.Any(m => m.Name.LocalName == candidate); n++)
        {
            candidate = name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private void AddAttribute(SchemaType record, XsdAttribute attribute, XmlQualifiedName owner)
    {
        if (attribute.IsWildcard || attribute.ArrayType is not null)
        {
            return; // xs:anyAttribute is ignored when reading anyway; soapenc:arrayType belongs to encoded arrays
        }

        var declaration = attribute.IsReference ? types.Schemas.Attributes.GetValueOrDefault(attribute.Name) : attribute;
        var type = declaration?.Type is { } named ? types.TypeOf(named)
            : declaration?.AnonymousType is { } anonymous && anonymous.BaseType is { } baseType ? types.TypeOf(baseType)
            : SchemaDescriptionBuilder.Primitive("string")!;
        if (type.Kind is not (SchemaTypeKind.Primitive or SchemaTypeKind.Enumeration))
        {
            types.Warnings.Add($"The attribute '{attribute.Name}' of '{owner}' has no simple type; it is not mapped.");
            return;
        }

        builder.AddMember(record, new SchemaMember(XName.Get(attribute.Name.Name, attribute.Name.Namespace), type)
        {
            IsAttribute = true,
            IsOptional = !attribute.IsRequired,
        });
    }
}
