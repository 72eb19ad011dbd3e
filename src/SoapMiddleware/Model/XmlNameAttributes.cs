using System.Reflection;
using System.Runtime.Serialization;
using System.Xml.Serialization;

namespace SoapMiddleware.Model;

/// <summary>
/// The names XmlSerializer's and DataContractSerializer's attributes give: <c>[XmlElement(ElementName)]</c> and
/// <c>[XmlArray(ElementName)]</c> on a property, <c>[XmlType(TypeName)]</c> on a type, <c>[XmlEnum(Name)]</c> or
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
