namespace SoapMiddleware;

/// <summary>What <c>AddRpc()</c> and its builder collected: services, wrappers and listeners of the default application.</summary>
internal sealed class RpcServiceRegistry
{
    private readonly List<Type> _types = [];

    public IReadOnlyList<Type> Types => _types;

    /// <summary>Registered wrappers, in registration order (outermost first, after the application wrapper).</summary>
    public List<Type> Wrappers { get; } = [];

    /// <summary>The application-level wrapper (Spyne's <c>Application.call_wrapper</c>), if any.</summary>
    public Type? ApplicationWrapper { get; set; }

    /// <summary>The protocols every application gets, in order: the built-in ones, then those added with <c>AddProtocol&lt;T&gt;()</c>.</summary>
    public List<RpcProtocolRegistration> Protocols { get; } = [.. RpcProtocolRegistration.BuiltIn];

    /// <summary>Readers of other contract models (WCF <c>[ServiceContract]</c>), consulted before <see cref="RpcServiceAttribute"/>.</summary>
    public List<Description.IServiceContractReader> ContractReaders { get; } = [];

    /// <summary>The reader that describes <paramref name="serviceType"/>, or null for an <see cref="RpcServiceAttribute"/> class.</summary>
    public Description.IServiceContractReader? ReaderOf(Type serviceType) => ContractReaders.FirstOrDefault(r => r.CanRead(serviceType));

    /// <summary>Configures application-level listeners of every application built.</summary>
    public List<Action<RpcEvents>> ApplicationEvents { get; } = [];

    /// <summary>Configures service-level listeners, per service type.</summary>
    public Dictionary<Type, List<Action<RpcEvents>>> ServiceEvents { get; } = [];

    public void Add(Type type)
    {
        if (!_types.Contains(type))
        {
            _types.Add(type);
        }
    }
}
