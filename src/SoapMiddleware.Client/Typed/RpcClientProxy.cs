using System.Collections.Frozen;
using System.Reflection;
using SoapMiddleware.Client.Calls;

namespace SoapMiddleware.Client.Typed;

/// <summary>
/// The typed client: a <see cref="DispatchProxy"/> over the contract interface whose every method calls its operation
/// through one <see cref="RpcClient"/>. It holds only the client and the method map, both fixed, so one instance is
/// safe for any number of threads.
/// </summary>
public class RpcClientProxy : DispatchProxy
{
    private RpcClient _client = null!;
    private FrozenDictionary<MethodInfo, TypedMethod> _methods = null!;

    /// <summary>The client the proxy calls through (its description, protocol and address).</summary>
    public RpcClient Client => _client;

    /// <summary>Creates the typed client of <typeparamref name="TContract"/> over <paramref name="client"/>, mapping every method first.</summary>
    /// <typeparam name="TContract">The contract interface the client's description was built from.</typeparam>
    public static TContract Create<TContract>(RpcClient client) where TContract : class
    {
        ArgumentNullException.ThrowIfNull(client);
        if (!typeof(TContract).IsInterface)
        {
            throw new InvalidOperationException($"'{typeof(TContract).FullName}' is not an interface; a typed client is an interface the server's contract describes.");
        }

        var methods = typeof(TContract).GetMethods().Concat(typeof(TContract).GetInterfaces().SelectMany(i => i.GetMethods()))
            .ToFrozenDictionary(m => m, m => TypedMethod.Create(m, client.Description));
        var proxy = Create<TContract, RpcClientProxy>();
        var self = (RpcClientProxy)(object)proxy;
        self._client = client;
        self._methods = methods;
        return proxy;
    }

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var method = _methods[targetMethod];
        args ??= [];
        var wire = new object?[method.WireIndexes.Length];
        for (var i = 0; i < wire.Length; i++)
        {
            wire[i] = args[method.WireIndexes[i]];
        }

        var cancellationToken = method.CancellationIndex >= 0 ? (CancellationToken)args[method.CancellationIndex]! : default;
        return method.Complete(_client.CallAsync(method.Operation, wire, cancellationToken));
    }
}
