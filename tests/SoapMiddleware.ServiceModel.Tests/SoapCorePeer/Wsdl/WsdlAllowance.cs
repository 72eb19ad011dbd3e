using System.Text.RegularExpressions;

namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer.Wsdl;

/// <summary>A deliberate WSDL difference: facts of one side matching <paramref name="Pattern"/>, and why they are fine.</summary>
/// <param name="OnlyIn">"SoapCore" or "ours": the side whose WSDL has the fact.</param>
/// <param name="Pattern">A regular expression the whole fact must match.</param>
/// <param name="Reason">Why this difference is deliberate and harmless to clients generated from SoapCore's WSDL.</param>
/// <param name="Counterpart">
/// Optional: a replacement (with <c>$1</c>...) that turns the fact into the one the other side must have instead, for
/// a difference in one detail of an element both declare; without it the fact is allowed to have no counterpart.
/// </param>
internal sealed record WsdlAllowance(string OnlyIn, string Pattern, string Reason, string? Counterpart = null)
{
    private Regex Expression { get; } = new("^(?:" + Pattern + ")$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Whether this entry explains <paramref name="fact"/> found only in <paramref name="onlyIn"/>, given the other
    /// side's facts (<paramref name="otherFacts"/>), which must hold the counterpart when one is named.
    /// </summary>
    public bool Allows(string onlyIn, string fact, IReadOnlySet<string> otherFacts)
        => onlyIn == OnlyIn
            && Expression.IsMatch(fact)
            && (Counterpart is null || otherFacts.Contains(Expression.Replace(fact, Counterpart)));
}
