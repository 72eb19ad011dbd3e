using System.Reflection;
using SoapMiddleware.Description;

namespace SoapMiddleware.Queue.Producer;

/// <summary>
/// Maps a method of a client contract interface (an <see cref="RpcServiceAttribute"/> interface, a WCF
/// <c>[ServiceContract]</c>, the typed client's) to the server's operation it calls, so a call is enqueued through the
/// same interface the typed client uses: the method a registered service implements for that interface, else the
/// operation of the contract's name (<c>[RpcMethod(Name)]</c>, <c>[OperationContract(Name)]</c>, or the method's name
/// without <c>Async</c>) that takes the same wire types.
/// </summary>
internal static class ContractCall
{
    /// <summary>The operation <paramref name="method"/> calls, and the positions of its wire arguments in wire order; null when it calls none.</summary>
    public static (RpcOperation Operation, int[]? WireIndexes)? Find(RpcDescription description, MethodInfo method)
    {
        if (method.DeclaringType is not { IsInterface: true } contract)
        {
            return null;
        }

        foreach (var service in description.Services)
        {
            if (!service.ServiceType.IsInterface && contract.IsAssignableFrom(service.ServiceType))
            {
                var map = service.ServiceType.GetInterfaceMap(contract);
                var index = Array.IndexOf(map.InterfaceMethods, method);
                if (index >= 0 && description.FindOperation(map.TargetMethods[index]) is { } implemented)
                {
                    // The implementation has the interface method's signature: its own parameter positions apply.
                    return (implemented, null);
                }
            }
        }

        var wire = WireIndexes(method);
        var operation = description.FindOperation(OperationName(method));
        if (operation is null || !operation.WireParameters.Select(p => p.ParameterType).SequenceEqual(wire.Select(i => method.GetParameters()[i].ParameterType)))
        {
            return null;
        }

        return (operation, wire);
    }

    private static int[] WireIndexes(MethodInfo method)
    {
        var parameters = method.GetParameters();
        return Enumerable.Range(0, parameters.Length)
            .Where(i => parameters[i].ParameterType != typeof(CancellationToken) && parameters[i].ParameterType != typeof(MethodContext))
            .ToArray();
    }

    // Read by attribute name as well, so WCF's OperationContractAttribute needs no reference to System.ServiceModel here.
    private static string OperationName(MethodInfo method)
    {
        var named = method.GetCustomAttributesData()
            .Where(a => a.AttributeType == typeof(RpcMethodAttribute) || a.AttributeType.FullName == "System.ServiceModel.OperationContractAttribute")
            .SelectMany(a => a.NamedArguments)
            .FirstOrDefault(a => a.MemberName == "Name").TypedValue.Value as string;
        if (named is not null)
        {
            return named;
        }

        var name = method.Name;
        return name.Length > 5 && name.EndsWith("Async", StringComparison.Ordinal) && typeof(Task).IsAssignableFrom(method.ReturnType) ? name[..^5] : name;
    }
}
