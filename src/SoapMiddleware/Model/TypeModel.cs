using System.Reflection;
using System.Xml.Linq;

namespace SoapMiddleware.Model;

/// <summary>
/// One application's types: a thread-safe cache of <see cref="RpcType"/> per CLR type.
/// Types are built under one lock (rarely, at startup) and published only once complete,
/// so readers on the hot path never see a half-described type.
/// </summary>
internal sealed class TypeModel
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Type, RpcType> _published = [];
    private readonly TypeFactory _factory;
    private volatile Dictionary<Type, RpcType> _snapshot = [];

    public TypeModel(string targetNamespace)
    {
        TargetNamespace = targetNamespace;
        Namespace = XNamespace.Get(targetNamespace);
        _factory = new TypeFactory(this);
    }

    public string TargetNamespace { get; }

    internal XNamespace Namespace { get; }

    /// <summary>
    /// Whether data contracts without a Namespace and collections of primitives get DataContractSerializer's
    /// namespaces (<see cref="ContractNamespaces"/>) instead of the target namespace: set by the WCF contract reader.
    /// </summary>
    internal bool DataContractNamespaces { get; private set; }

    /// <summary>Every named type (complex, enum, array, special simple types) reached so far, for the schema.</summary>
    public IReadOnlyCollection<RpcType> SchemaTypes
    {
        get
        {
            lock (_lock)
            {
                return _factory.NamedTypes();
            }
        }
    }

    /// <summary>Describes a CLR type; throws <see cref="InvalidOperationException"/> naming an unsupported type.</summary>
    public RpcType GetType(Type clrType)
    {
        ArgumentNullException.ThrowIfNull(clrType);
        var key = Nullable.GetUnderlyingType(clrType) ?? clrType;

        // Lock-free read of an immutable snapshot: the common case once the application has started.
        if (_snapshot.TryGetValue(key, out var known))
        {
            return known;
        }

        return Build(() => _factory.Resolve(key));
    }

    /// <summary>Describes a method parameter: nullability, DataAnnotations constraints, default value.</summary>
    public RpcMember CreateParameterMember(ParameterInfo parameter, string name)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return Build(() => _factory.CreateParameterMember(parameter, name));
    }

    /// <summary>Describes a synthetic part, such as a method's result.</summary>
    public RpcMember CreateMember(string name, Type declaredType, bool nullable, bool required, IEnumerable<Attribute> constraints)
    {
        ArgumentNullException.ThrowIfNull(declaredType);
        var attributes = constraints?.ToList() ?? [];
        return Build(() => _factory.CreateMember(name, declaredType, nullable, required, attributes, hasDefault: false, defaultValue: null));
    }

    /// <summary>
    /// Lets the data contract <paramref name="known"/> stand in place of every data contract it derives from
    /// (<c>[ServiceKnownType]</c>); returns how many bases it was registered with, 0 when it derives from none.
    /// </summary>
    internal int AddKnownType(Type known)
    {
        ArgumentNullException.ThrowIfNull(known);
        return Build(() => _factory.RegisterKnownType(known));
    }

    /// <summary>
    /// Switches to DataContractSerializer's namespaces before a WCF contract's types are described. Types an earlier
    /// service described already keep their names, so one whose name would now differ is an error naming it.
    /// </summary>
    internal void UseDataContractNamespaces(string contract)
    {
        lock (_lock)
        {
            if (DataContractNamespaces)
            {
                return;
            }

            foreach (var type in _published.Values)
            {
                if (TypeNaming.DependsOnContractNamespaces(type))
                {
                    throw new InvalidOperationException(
                        $"The contract '{contract}' writes its data contracts in DataContractSerializer's namespaces, but '{TypeNaming.Display(type.ClrType)}' was already described in '{TargetNamespace}' by another service of the same application. Map the contract alone with MapRpc<{contract}>(path).");
                }
            }

            DataContractNamespaces = true;
        }
    }

    /// <summary>A type published by an earlier build; called by the factory under the lock.</summary>
    internal bool TryGetPublished(Type type, out RpcType rpcType) => _published.TryGetValue(type, out rpcType!);

    // Runs a build step under the lock; types it creates are published when the outermost step succeeds,
    // and forgotten (names released) when it fails, so a failed service does not poison the model.
    private T Build<T>(Func<T> step)
    {
        lock (_lock)
        {
            _factory.BeginBuild();
            try
            {
                var result = step();
                if (_factory.EndBuild(_published))
                {
                    _snapshot = new Dictionary<Type, RpcType>(_published);
                }

                return result;
            }
            catch
            {
                _factory.AbortBuild();
                throw;
            }
        }
    }
}
