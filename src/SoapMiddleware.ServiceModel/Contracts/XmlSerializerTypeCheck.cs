using System.Reflection;
using System.Runtime.Serialization;
using System.Xml.Serialization;

namespace SoapMiddleware.ServiceModel.Contracts;

/// <summary>
/// Refuses what XmlSerializer would write differently from the type model in an <c>[XmlSerializerFormat]</c> contract.
/// Honoured: public read/write properties in declaration order, <c>[XmlElement(ElementName)]</c>,
/// <c>[XmlArray(ElementName)]</c>, <c>[XmlArrayItem]</c> naming the item type, <c>[XmlIgnore]</c>,
/// <c>[XmlType(TypeName)]</c>, <c>[XmlRoot]</c> in the contract's namespace, <c>[XmlEnum(Name)]</c>.
/// </summary>
internal static class XmlSerializerTypeCheck
{
    public static void CheckType(Type type, string path, string contractNamespace)
    {
        if (type.IsDefined(typeof(DataContractAttribute), false))
        {
            throw ContractRefusal.Create(path, $"[DataContract] (on '{type.Name}') in an [XmlSerializerFormat] contract", "XmlSerializer ignores it and writes the public properties in declaration order; drop one of the two");
        }

        if (type.IsDefined(typeof(XmlIncludeAttribute), true))
        {
            throw ContractRefusal.Create(path, $"[XmlInclude] (on '{type.Name}')", "the type model has no derived types in place of a base type (xsi:type polymorphism)");
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
        foreach (var refused in new[] { typeof(XmlAttributeAttribute), typeof(XmlTextAttribute), typeof(XmlAnyElementAttribute), typeof(XmlAnyAttributeAttribute), typeof(XmlChoiceIdentifierAttribute) })
        {
            if (property.IsDefined(refused, true))
            {
                throw ContractRefusal.Create(member, $"[{refused.Name[..^"Attribute".Length]}]", "the type model writes every member as an element of its own; there are no XML attributes, text content or wildcards in it");
            }
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
            var expected = itemType is null ? null : Model.XmlNameAttributes.TypeName(itemType) ?? itemType.Name;
            if ((!string.IsNullOrEmpty(item.ElementName) && item.ElementName != expected) || item.Type is not null || !SameNamespace(item.Namespace, contractNamespace))
            {
                throw ContractRefusal.Create(member, $"[XmlArrayItem(\"{item.ElementName}\")]", $"an array's items are named after their type ('{expected}'); rename the item type with [XmlType(TypeName)] instead");
            }
        }
    }

    private static bool SameNamespace(string? ns, string contractNamespace) => string.IsNullOrEmpty(ns) || ns == contractNamespace;
}
