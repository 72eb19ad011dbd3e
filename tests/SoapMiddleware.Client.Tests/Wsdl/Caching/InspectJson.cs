using SoapMiddleware.Client.Wsdl;
using SoapMiddleware.Tool.Inspect;

namespace SoapMiddleware.Client.Tests.Wsdl.Caching;

/// <summary>What <c>soapmw inspect --json</c> prints for a description: two descriptions that print the same are the same to a user.</summary>
internal static class InspectJson
{
    public static string Of(WsdlDescription description)
    {
        using var text = new StringWriter();
        JsonReport.Write(new DescriptionReport(description), text);
        return text.ToString();
    }
}
