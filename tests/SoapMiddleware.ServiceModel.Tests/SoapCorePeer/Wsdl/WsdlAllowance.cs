using System.Text.RegularExpressions;

namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer.Wsdl;

/// <summary>A deliberate WSDL difference: facts of one side matching <paramref name="Pattern"/>, and why they are fine.</summary>
/// <param name="OnlyIn">"SoapCore" or "ours": the side whose WSDL has the fact.</param>
/// <param name="Pattern">A regular expression the whole fact must match.</param>
/// <param name="Reason">Why this difference is deliberate and harmless to clients generated from SoapCore's WSDL.</param>
internal sealed record WsdlAllowance(string OnlyIn, string Pattern, string Reason)
{
    /// <summary>Whether this entry explains <paramref name="fact"/> found only in <paramref name="onlyIn"/>.</summary>
    public bool Allows(string onlyIn, string fact)
        => onlyIn == OnlyIn && Regex.IsMatch(fact, "^(?:" + Pattern + ")$", RegexOptions.CultureInvariant);
}
