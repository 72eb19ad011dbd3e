namespace SoapMiddleware.ServiceModel.Contracts;

/// <summary>The startup error for a contract feature the type model has no counterpart for: it names the member and the attribute.</summary>
internal static class ContractRefusal
{
    public static InvalidOperationException Create(string member, string attribute, string why)
        => new($"'{member}' uses {attribute}, which SoapMiddleware.ServiceModel does not support: {why}. The contract is refused at startup rather than served differently from WCF.");
}
