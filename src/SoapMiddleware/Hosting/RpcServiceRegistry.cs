namespace SoapMiddleware;

/// <summary>The service types of the default application, in registration order.</summary>
internal sealed class RpcServiceRegistry
{
    private readonly List<Type> _types = [];

    public IReadOnlyList<Type> Types => _types;

    public void Add(Type type)
    {
        if (!_types.Contains(type))
        {
            _types.Add(type);
        }
    }
}
