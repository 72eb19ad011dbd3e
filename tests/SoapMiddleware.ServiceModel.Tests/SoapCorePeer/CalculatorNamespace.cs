namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer;

/// <summary>The sample twin's namespace (SampleApp.Wcf.Calculator.Namespace), as the client contract written from SoapCore's WSDL and the XmlSerializer twin spell it.</summary>
internal static class CalculatorNamespace
{
    /// <summary>The namespace of issue 10's sample twin.</summary>
    public const string Value = "http://example.com/calculator";
}
