namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer;

/// <summary>One call the WCF client made and what it got back, rendered so two hosts' outcomes compare as strings.</summary>
/// <param name="Call">The call as written, e.g. <c>Add(2, 3)</c>.</param>
/// <param name="Outcome">The result, or the fault as the client saw it.</param>
internal sealed record CalculatorCall(string Call, string Outcome)
{
    /// <inheritdoc />
    public override string ToString() => $"{Call} -> {Outcome}";
}
