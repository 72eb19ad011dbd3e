using SoapMiddleware.Description;

namespace SoapMiddleware.Protocols.Soap;

/// <summary>The headers an operation declares, found by their element's local name (<see cref="RpcHeaderValue"/>, a response header asked for by name).</summary>
internal static class SchemaHeaders
{
    public static OperationHeader Find(RpcOperation operation, string name, bool request)
    {
        var declared = operation.Headers.Where(h => h.ContractPart is null && (request ? h.IsIn : h.IsOut)).ToList();
        return declared.FirstOrDefault(h => h.Element.LocalName == name)
            ?? declared.FirstOrDefault(h => string.Equals(h.Element.LocalName, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException(
                $"The operation '{operation.Name}' declares no {(request ? "request" : "response")} header '{name}'; it declares {(declared.Count == 0 ? "none" : string.Join(", ", declared.Select(h => h.Element.LocalName)))}.",
                nameof(name));
    }
}
