using System.ServiceModel;

namespace SoapMiddleware.ServiceModel.Contracts;

/// <summary>The names WCF gives a contract and its operations when the attributes leave them out.</summary>
internal static class WcfNaming
{
    /// <summary>WCF's default contract namespace.</summary>
    public const string DefaultNamespace = "http://tempuri.org/";

    /// <summary>The namespace DataContractSerializer writes collections of primitives in (<c>ArrayOfint</c>).</summary>
    public const string ArraysNamespace = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";

    public static string ContractName(Type contract, ServiceContractAttribute attribute) => attribute.Name ?? contract.Name;

    public static string Namespace(ServiceContractAttribute attribute) => attribute.Namespace ?? DefaultNamespace;

    /// <summary><c>[OperationContract(Name)]</c>, else the method name, without <c>Async</c> for a Task-returning method.</summary>
    public static string OperationName(System.Reflection.MethodInfo method, OperationContractAttribute attribute)
    {
        if (attribute.Name is not null)
        {
            return attribute.Name;
        }

        var isTask = typeof(Task).IsAssignableFrom(method.ReturnType);
        return isTask && method.Name.Length > 5 && method.Name.EndsWith("Async", StringComparison.Ordinal) ? method.Name[..^5] : method.Name;
    }

    /// <summary>The default action <c>{Namespace}/{ContractName}/{Operation}</c>, joined with "/" as WCF does (no doubled slash).</summary>
    public static string DefaultAction(string ns, string contractName, string operation)
        => Combine(Combine(ns, contractName), operation);

    private static string Combine(string left, string right)
        => left.EndsWith('/') || right.StartsWith('/') ? left + right : left + "/" + right;
}
