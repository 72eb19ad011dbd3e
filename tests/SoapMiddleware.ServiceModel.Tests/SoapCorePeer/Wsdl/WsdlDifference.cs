namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer.Wsdl;

/// <summary>A fact of one WSDL's shape that the other lacks, and the allow-list entry that explains it, if any.</summary>
/// <param name="OnlyIn">"SoapCore" or "ours".</param>
/// <param name="Fact">The fact, as <see cref="WsdlShape"/> renders it.</param>
/// <param name="Allowance">The deliberate difference it is, or null when nothing explains it.</param>
internal sealed record WsdlDifference(string OnlyIn, string Fact, WsdlAllowance? Allowance)
{
    /// <summary>One line for the test output.</summary>
    public override string ToString()
        => $"only {OnlyIn,-8} {Fact}" + (Allowance is null ? "\n    NOT ALLOWED" : $"\n    allowed: {Allowance.Reason}");
}
