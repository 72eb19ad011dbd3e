namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer;

/// <summary>The calculator contract's namespace, shared by the server contract, the client contract and the types.</summary>
internal static class CalculatorNamespace
{
    /// <summary>The namespace of issue 10's sample twin.</summary>
    public const string Value = "http://example.com/calculator";
}
