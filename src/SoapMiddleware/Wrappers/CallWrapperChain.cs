using Microsoft.Extensions.DependencyInjection;

namespace SoapMiddleware.Wrappers;

/// <summary>
/// The wrappers of one operation, in order, composed around the core for each call.
/// Wrapper instances come from the call's service provider, so scoped wrappers share the call's scope.
/// </summary>
internal sealed class CallWrapperChain
{
    private readonly Func<IServiceProvider, ICallWrapper>[] _factories;
    private readonly CallNext _core;

    public CallWrapperChain(IReadOnlyList<Type> wrapperTypes, CallNext core)
    {
        _factories = wrapperTypes.Select(Factory).ToArray();
        _core = core;
    }

    public bool IsEmpty => _factories.Length == 0;

    public ValueTask<object?> InvokeAsync(MethodContext context)
    {
        if (_factories.Length == 0)
        {
            return _core(context);
        }

        // Compose inside out: the last wrapper is the one next to the core.
        var next = _core;
        for (var i = _factories.Length - 1; i >= 0; i--)
        {
            var wrapper = _factories[i](context.Services);
            var inner = next;
            next = ctx => wrapper.InvokeAsync(ctx, inner);
        }

        return next(context);
    }

    private static Func<IServiceProvider, ICallWrapper> Factory(Type type)
    {
        if (!typeof(ICallWrapper).IsAssignableFrom(type))
        {
            throw new InvalidOperationException($"Call wrapper type '{type.FullName}' does not implement ICallWrapper.");
        }

        var create = ActivatorUtilities.CreateFactory(type, Type.EmptyTypes);
        return services => (ICallWrapper)(services.GetService(type) ?? create(services, null));
    }
}
