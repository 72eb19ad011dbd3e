using SoapMiddleware.Client.Wsdl.Schema;

namespace SoapMiddleware.Client.Wsdl.Reading;

/// <summary>Warns about message parts whose element or type no schema defines (the operation is still listed).</summary>
internal static class ReferenceChecker
{
    public static void Check(Definitions definitions, XsdSchemaSet schemas, WarningSink warnings)
    {
        foreach (var (message, parts) in definitions.Messages)
        {
            var (document, node) = definitions.MessageLocations[message];
            foreach (var part in parts)
            {
                if (part.Element is { } element && !schemas.Elements.ContainsKey(element) && !XsdNames.IsBuiltIn(element))
                {
                    warnings.Add($"message {message}, part '{part.Name}': element {element} is not defined by any schema read", document, node);
                }
                else if (part.Type is { } type && !schemas.HasType(type))
                {
                    warnings.Add($"message {message}, part '{part.Name}': type {type} is not defined by any schema read", document, node);
                }
            }
        }
    }
}
