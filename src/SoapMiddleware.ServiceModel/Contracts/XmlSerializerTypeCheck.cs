using System.Reflection;
using System.Runtime.Serialization;
using System.Xml.Serialization;

namespace SoapMiddleware.ServiceModel.Contracts;

/// <summary>
/// Refuses what XmlSerializer would write differently from the type model in an <c>[XmlSerializerFormat]</c> contract.
/// Honoured: public read/write properties in declaration order, <c>[XmlElement(ElementName)]</c>,
/// <c>[XmlAttribute(AttributeName)]</c> on a simple-typed property (an unqualified attribute),
/// <c>[XmlArray(ElementName)]</c>, <c>[XmlArrayItem]</c> naming the item type, <c>[XmlIgnore]</c>,
/// <c>[XmlType(TypeName)]</c>, <c>[XmlRoot]</c> in the contract's namespace, <c>[XmlEnum(Name)]</c>,
/// <c>[XmlInclude]</c> of a derived class (written with <c>xsi:type</c>).
/// </summary>
internal static class XmlSerializerTypeCheck
{
    public static void CheckType(Type type, string path, string contractNamespace)
    {
        if (type.IsDefined(typeof(DataContractAttribute), false))
        {
            throw ContractRefusal.Create(path, $"[DataContract] (on '{type.Name}') in an [XmlSerializerFormat] contract", "XmlSerializer ignores it and writes the public properties in declaration order; drop one of the two");
        }

        foreach (var include in type.GetCustomAttributes<XmlIncludeAttribute>(false))
        {
            if (include.Type is null || !include.Type.IsSubclassOf(type))
            {
                throw ContractRefusal.Create(path, $"[XmlInclude(typeof({include.Type?.Name}))] (on '{type.Name}')", $"it does not derive from '{type.Name}'; the type model puts an included type only in place of its base classes");
            }
        }

        if (type.GetCustomAttribute<XmlTypeAttribute>(false) is { } xmlType && !SameNamespace(xmlType.Namespace, contractNamespace))
        {
            throw ContractRefusal.Create(path, $"[XmlType(Namespace = \"{xmlType.Namespace}\")] (on '{type.Name}')", $"an endpoint has one namespace, the contract's '{contractNamespace}'");
        }

        if (type.GetCustomAttribute<XmlRootAttribute>(false) is { } root && !SameNamespace(root.Namespace, contractNamespace))
        {
            throw ContractRefusal.Create(path, $"[XmlRoot(Namespace = \"{root.Namespace}\")] (on '{type.Name}')", $"an endpoint has one namespace, the contract's '{contractNamespace}'");
        }
    }

    public static void CheckProperty(Type owner, PropertyInfo property, Type? itemType, string contractNamespace)
    {
        var member = $"{owner.Name}.{property.Name}";
        foreach (var refused in new[] { typeof(XmlTextAttribute), typeof(XmlAnyElementAttribute), typeof(XmlAnyAttributeAttribute), typeof(XmlChoiceIdentifierAttribute) })
        {
            if (property.IsDefined(refused, true))
            {
                throw ContractRefusal.Create(member, $"[{refused.Name[..^"Attribute".Length]}]", "the type model writes members as elements or simple attributes; there is no text content or wildcard in it");
            }
        }

        if (property.GetCustomAttribute<XmlAttributeAttribute>() is { } attribute)
        {
            CheckAttribute(property, attribute, member);
        }

        var elements = property.GetCustomAttributes<XmlElementAttribute>().ToList();
        if (elements.Count > 1 || elements.Any(e => e.Type is not null || !SameNamespace(e.Namespace, contractNamespace) || e.Form == System.Xml.Schema.XmlSchemaForm.Unqualified || !string.IsNullOrEmpty(e.DataType) || e.Order >= 0))
        {
            throw ContractRefusal.Create(member, "[XmlElement] with Type, Namespace, Form, DataType, Order or more than once", "only ElementName (and IsNullable) is honoured");
        }

        if (property.GetCustomAttribute<XmlArrayAttribute>() is { } array && (!SameNamespace(array.Namespace, contractNamespace) || array.Form == System.Xml.Schema.XmlSchemaForm.Unqualified))
        {
            throw ContractRefusal.Create(member, "[XmlArray] with Namespace or Form", "only ElementName is honoured");
        }

        foreach (var item in property.GetCustomAttributes<XmlArrayItemAttribute>())
        {
            var expected = itemType is null ? null : TypeName(itemType) ?? itemType.Name;
            if ((!string.IsNullOrEmpty(item.ElementName) && item.ElementName != expected) || item.Type is not null || !SameNamespace(item.Namespace, contractNamespace))
            {
                throw ContractRefusal.Create(member, $"[XmlArrayItem(\"{item.ElementName}\")]", $"an array's items are named after their type ('{expected}'); rename the item type with [XmlType(TypeName)] instead");
            }
        }
    }

    // XmlSerializer's attribute as it writes it by default: unqualified, text of a simple type.
    private static void CheckAttribute(PropertyInfo property, XmlAttributeAttribute attribute, string member)
    {
        var name = string.IsNullOrEmpty(attribute.AttributeName) ? "[XmlAttribute]" : $"[XmlAttribute(\"{attribute.AttributeName}\")]";
        if (!string.IsNullOrEmpty(attribute.Namespace) || attribute.Form == System.Xml.Schema.XmlSchemaForm.Qualified || !string.IsNullOrEmpty(attribute.DataType) || attribute.Type is not null)
        {
            throw ContractRefusal.Create(member, name + " with Namespace, Form, DataType or Type", "only AttributeName is honoured; the attribute is written unqualified");
        }

        if (property.IsDefined(typeof(XmlElementAttribute), true) || property.IsDefined(typeof(XmlArrayAttribute), true) || property.IsDefined(typeof(XmlArrayItemAttribute), true))
        {
            throw ContractRefusal.Create(member, name + " with [XmlElement] or [XmlArray]", "a member is either an attribute or an element; XmlSerializer refuses both");
        }

        var type = property.PropertyType;
        if (Nullable.GetUnderlyingType(type) is not null || !IsSimple(type))
        {
            throw ContractRefusal.Create(member, name + $" on a '{type.Name}'", "an XML attribute holds the text of a simple type (a string, number, date, Guid, byte[] or enum, not Nullable<T>), as XmlSerializer requires");
        }
    }

    private static bool IsSimple(Type type)
        => type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime)
            || type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(Guid) || type == typeof(byte[]);

    // [XmlType(TypeName)], which the type model names the type (and so an array's items) by.
    private static string? TypeName(Type type)
        => type.GetCustomAttribute<XmlTypeAttribute>(false)?.TypeName is { Length: > 0 } name ? name : null;

    private static bool SameNamespace(string? ns, string contractNamespace) => string.IsNullOrEmpty(ns) || ns == contractNamespace;
}
