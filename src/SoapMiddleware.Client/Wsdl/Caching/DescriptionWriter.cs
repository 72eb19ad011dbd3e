using System.Xml;
using SoapMiddleware.Client.Wsdl.Schema;

namespace SoapMiddleware.Client.Wsdl.Caching;

/// <summary>
/// Writes a <see cref="WsdlDescription"/> in the cache's compact binary form (read back by <see cref="DescriptionReader"/>):
/// every string and qualified name once, then by number, so a schema set of thousands of types in one namespace stays
/// small and reads without re-allocating the same strings. A change to the model changes <see cref="EntryFormat.Version"/>.
/// </summary>
internal sealed class DescriptionWriter(BinaryWriter output)
{
    private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<XmlQualifiedName, int> _names = [];

    public void Write(WsdlDescription description)
    {
        WriteUri(description.Location);
        String(description.TargetNamespace);
        List(description.Services, service =>
        {
            String(service.Name);
            List(service.Ports, WritePort);
        });
        WriteSchemas(description.Schemas);
        List(description.Documents, WriteUri);
        List(description.Warnings, warning =>
        {
            String(warning.Message);
            WriteUri(warning.Document);
            output.Write7BitEncodedInt(warning.Line);
            output.Write7BitEncodedInt(warning.Column);
        });
    }

    private void WritePort(WsdlPort port)
    {
        String(port.Name);
        Name(port.Binding);
        Name(port.PortType);
        output.Write((byte)port.Protocol);
        String(port.Address);
        List(port.Operations, operation =>
        {
            String(operation.Name);
            output.Write((byte)operation.Style);
            String(operation.SoapAction);
            WriteMessage(operation.Input);
            WriteMessage(operation.Output);
            List(operation.Faults, fault =>
            {
                String(fault.Name);
                Name(fault.Message);
                output.Write(fault.Detail is not null);
                if (fault.Detail is { } detail)
                {
                    WritePart(detail);
                }

                output.Write((byte)fault.Use);
            });
            output.Write(operation.IsWrapped);
            WriteSource(operation.Source);
        });
    }

    private void WriteMessage(WsdlMessage? message)
    {
        output.Write(message is not null);
        if (message is null)
        {
            return;
        }

        Name(message.Message);
        List(message.Body, WritePart);
        List(message.Headers, WritePart);
        output.Write((byte)message.Use);
        String(message.Namespace);
    }

    private void WritePart(WsdlPart part)
    {
        String(part.Name);
        Name(part.Element);
        Name(part.Type);
        output.Write(part.IsRequired);
    }

    private void WriteSchemas(XsdSchemaSet schemas)
    {
        List(schemas.Types.ToList(), pair => { Name(pair.Key); WriteType(pair.Value); });
        List(schemas.Elements.ToList(), pair => { Name(pair.Key); WriteParticle(pair.Value); });
        List(schemas.Attributes.ToList(), pair => { Name(pair.Key); WriteAttribute(pair.Value); });
        List(schemas.Groups.ToList(), pair => { Name(pair.Key); WriteParticle(pair.Value); });
        List(schemas.AttributeGroups.ToList(), pair => { Name(pair.Key); List(pair.Value, WriteAttribute); });
        List(schemas.Namespaces, String);
    }

    private void WriteType(XsdType? type)
    {
        output.Write((byte)(type switch { XsdComplexType => 1, XsdSimpleType => 2, null => 0, _ => throw Unknown(type) }));
        if (type is null)
        {
            return;
        }

        Name(type.Name);
        Name(type.BaseType);
        WriteSource(type.Source);
        if (type is XsdComplexType complex)
        {
            output.Write((byte)complex.Derivation);
            output.Write(complex.IsSimpleContent);
            WriteParticle(complex.Content);
            List(complex.Attributes, WriteAttribute);
            List(complex.AttributeGroups, Name);
            Name(complex.ArrayItemType);
            output.Write(complex.IsAbstract);
            output.Write(complex.IsMixed);
        }
        else if (type is XsdSimpleType simple)
        {
            List(simple.Enumeration, String);
            Name(simple.ListItemType);
            List(simple.UnionMemberTypes, Name);
        }
    }

    private void WriteParticle(XsdParticle? particle)
    {
        output.Write((byte)(particle switch { XsdElement => 1, XsdGroup => 2, XsdGroupReference => 3, XsdAny => 4, null => 0, _ => throw Unknown(particle) }));
        if (particle is null)
        {
            return;
        }

        output.Write7BitEncodedInt(particle.MinOccurs);
        output.Write7BitEncodedInt(particle.MaxOccurs);
        WriteSource(particle.Source);
        switch (particle)
        {
            case XsdElement element:
                Name(element.Name);
                Name(element.Type);
                WriteType(element.AnonymousType);
                output.Write(element.IsReference);
                output.Write(element.IsNillable);
                Name(element.SubstitutionGroup);
                break;
            case XsdGroup group:
                output.Write((byte)group.Kind);
                List(group.Items, WriteParticle);
                break;
            case XsdGroupReference reference:
                Name(reference.Group);
                break;
            case XsdAny any:
                String(any.Namespace);
                String(any.ProcessContents);
                break;
        }
    }

    private void WriteAttribute(XsdAttribute attribute)
    {
        Name(attribute.Name);
        Name(attribute.Type);
        WriteType(attribute.AnonymousType);
        output.Write(attribute.IsReference);
        output.Write(attribute.IsRequired);
        output.Write(attribute.IsWildcard);
        Name(attribute.ArrayType);
    }

    private void WriteUri(Uri uri) => String(uri.OriginalString);

    // The document is one string of the table (a few per description), so a location costs a few bytes.
    private void WriteSource(SourceLocation source)
    {
        String(source.Document?.OriginalString);
        output.Write7BitEncodedInt(source.Line);
        output.Write7BitEncodedInt(source.Column);
    }

    private void List<T>(IReadOnlyCollection<T> items, Action<T> write)
    {
        output.Write7BitEncodedInt(items.Count);
        foreach (var item in items)
        {
            write(item);
        }
    }

    // 0: null; 1: a new string follows (it takes the next number); n >= 2: the string numbered n - 2.
    private void String(string? value)
    {
        if (value is null)
        {
            output.Write7BitEncodedInt(0);
        }
        else if (_strings.TryGetValue(value, out var id))
        {
            output.Write7BitEncodedInt(id + 2);
        }
        else
        {
            _strings.Add(value, _strings.Count);
            output.Write7BitEncodedInt(1);
            output.Write(value);
        }
    }

    // The same numbering for qualified names, whose parts are strings of the string table.
    private void Name(XmlQualifiedName? name)
    {
        if (name is null)
        {
            output.Write7BitEncodedInt(0);
        }
        else if (_names.TryGetValue(name, out var id))
        {
            output.Write7BitEncodedInt(id + 2);
        }
        else
        {
            _names.Add(name, _names.Count);
            output.Write7BitEncodedInt(1);
            String(name.Namespace);
            String(name.Name);
        }
    }

    private static NotSupportedException Unknown(object value) =>
        new($"{value.GetType().Name} is not known to the description cache's format; add it to DescriptionWriter and DescriptionReader.");
}
