using System.Reflection;
using System.Runtime.Serialization;
using System.Xml.Serialization;

namespace SoapMiddleware.Model;

/// <summary>
/// The names XmlSerializer's and DataContractSerializer's attributes give: <c>[XmlElement(ElementName)]</c> and
/// <c>[XmlArray(ElementName)]</c> on a property, <c>[XmlAttribute(AttributeName)]</c> (the member becomes an unqualified
/// attribute), <c>[XmlType(TypeName)]</c> on a type, <c>[XmlEnum(Name)]</c> or
/// <c>[EnumMember(Value)]</c> on an enum member. The type model honours these names and nothing else of those attributes.
/// </summary>
internal static class XmlNameAttributes
{
    public static string ElementName(PropertyInfo property)
    {
        var element = property.GetCustomAttribute<XmlElementAttribute>();
        if (!string.IsNullOrEmpty(element?.ElementName))
        {
            return element.ElementName;
        }

        var array = property.GetCustomAttribute<XmlArrayAttribute>();
        return string.IsNullOrEmpty(array?.ElementName) ? property.Name : array.ElementName;
    }

    /// <summary>The attribute name of an <c>[XmlAttribute]</c> property, else null (the property is an element).</summary>
    public static string? AttributeName(PropertyInfo property)
        => property.GetCustomAttribute<XmlAttributeAttribute>() is { } attribute
            ? string.IsNullOrEmpty(attribute.AttributeName) ? property.Name : attribute.AttributeName
            : null;

    public static string? TypeName(Type type)
    {
        var name = type.GetCustomAttribute<XmlTypeAttribute>(false)?.TypeName;
        return string.IsNullOrEmpty(name) ? null : name;
    }

    public static string EnumName(FieldInfo field)
    {
        if (field.GetCustomAttribute<XmlEnumAttribute>() is { Name: { Length: > 0 } xmlName })
        {
            return xmlName;
        }

        return field.GetCustomAttribute<EnumMemberAttribute>() is { IsValueSetExplicitly: true, Value: { Length: > 0 } value } ? value : field.Name;
    }
}
