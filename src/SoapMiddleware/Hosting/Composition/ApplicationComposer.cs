using System.Reflection;
using SoapMiddleware.Pipeline;
using SoapMiddleware.Wrappers;

namespace SoapMiddleware;

/// <summary>
/// Attaches what the builder and the attributes declared to a freshly built application: listeners at the three
/// levels and each operation's wrapper chain, in the documented order.
/// </summary>
internal static class ApplicationComposer
{
    public static void Compose(RpcApplication application, RpcServiceRegistry registry)
    {
        foreach (var configure in registry.ApplicationEvents)
        {
            configure(application.Events);
        }

        foreach (var service in application.Services)
        {
            foreach (var configure in registry.ServiceEvents.GetValueOrDefault(service.ServiceType) ?? [])
            {
                configure(service.Events);
            }

            AttachListeners(service.ServiceType, service.Events);
            foreach (var operation in service.Operations)
            {
                AttachListeners(operation.Method, operation.Events);
                var wrappers = new List<Type>();
                if (registry.ApplicationWrapper is { } applicationWrapper)
                {
                    wrappers.Add(applicationWrapper);
                }

                wrappers.AddRange(registry.Wrappers);
                wrappers.AddRange(service.ServiceType.GetCustomAttributes<RpcCallWrapperAttribute>().Select(a => a.WrapperType));
                wrappers.AddRange(operation.Method.GetCustomAttributes<RpcCallWrapperAttribute>().Select(a => a.WrapperType));
                operation.Chain = new CallWrapperChain(wrappers, RpcPipeline.InvokeCoreAsync);
            }
        }
    }

    private static void AttachListeners(MemberInfo member, RpcEvents events)
    {
        foreach (var attribute in member.GetCustomAttributes<RpcEventListenerAttribute>())
        {
            if (Activator.CreateInstance(attribute.ListenerType) is not IRpcEventListener listener)
            {
                throw new InvalidOperationException($"Listener type '{attribute.ListenerType.FullName}' on '{member.Name}' does not implement IRpcEventListener.");
            }

            var name = attribute.EventName;
            events.AddListener(name, context => listener.OnEventAsync(name, context));
        }
    }
}
