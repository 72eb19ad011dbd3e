using System.Xml;
using SoapMiddleware.Client.Wsdl.Schema;

namespace SoapMiddleware.Client.Wsdl.Reading;

/// <summary>Tells the item type of a complex type that is an array: a soapenc array, or one repeated element.</summary>
internal static class ArrayShape
{
    public static XmlQualifiedName? ItemType(
        XmlQualifiedName? baseType, XsdDerivation derivation, XsdParticle? content, List<XsdAttribute> attributes)
    {
        var soapArray = derivation == XsdDerivation.Restriction && baseType is not null && baseType.Name == "Array"
            && baseType.Namespace is XsdNames.SoapEncoding or XsdNames.Soap12Encoding;
        if (soapArray)
        {
            // <attribute ref="soapenc:arrayType" wsdl:arrayType="tns:Item[]"/>
            foreach (var attribute in attributes)
            {
                if (attribute.ArrayType is { } arrayType)
                {
                    return arrayType;
                }
            }
        }

        if (derivation != XsdDerivation.Extension && content is XsdGroup { Kind: XsdGroupKind.Sequence, Items: [XsdElement { IsRepeated: true } item] })
        {
            return item.IsReference ? item.Name : item.Type ?? item.AnonymousType?.Name ?? XsdNames.AnyType;
        }

        return soapArray ? XsdNames.AnyType : null;
    }
}
