namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer.Wsdl;

/// <summary>Compares two WSDL shapes fact by fact and explains each difference from an allow-list.</summary>
internal static class WsdlComparison
{
    /// <summary>
    /// Every fact in one shape and not the other, SoapCore's first, each with the first allow-list entry that
    /// explains it (or none); an entry naming a counterpart explains a fact only when the other shape has it.
    /// </summary>
    public static IReadOnlyList<WsdlDifference> Compare(WsdlShape soapCore, WsdlShape ours, IEnumerable<WsdlAllowance> allowList)
    {
        var allowances = allowList.ToArray();
        var differences = new List<WsdlDifference>();
        foreach (var (onlyIn, mine, theirs) in new[] { ("SoapCore", soapCore, ours), ("ours", ours, soapCore) })
        {
            foreach (var fact in mine.Facts.Where(f => !theirs.Facts.Contains(f)))
            {
                differences.Add(new WsdlDifference(onlyIn, fact, allowances.FirstOrDefault(a => a.Allows(onlyIn, fact, theirs.Facts))));
            }
        }

        return differences;
    }
}
