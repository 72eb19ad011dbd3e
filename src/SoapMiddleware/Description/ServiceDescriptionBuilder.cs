using System.Reflection;
using System.Xml.Linq;
using SoapMiddleware.Model;

namespace SoapMiddleware.Description;

/// <summary>
/// Reads an <see cref="RpcServiceAttribute"/> class into a <see cref="RpcServiceDescription"/>:
/// its operations, their messages, headers and faults (Spyne's interface map). Runs once at startup;
/// a service the toolkit cannot expose is an <see cref="InvalidOperationException"/> that names the problem.
/// </summary>
internal static class ServiceDescriptionBuilder
{
    public static RpcServiceDescription Build(Type serviceType, TypeModel model, IReadOnlyList<IServiceContractReader>? readers = null)
    {
        foreach (var reader in readers ?? [])
        {
            if (reader.CanRead(serviceType))
            {
                return reader.Read(serviceType, new ServiceContractContext(model));
            }
        }

        var attribute = serviceType.GetCustomAttribute<RpcServiceAttribute>()
            ?? throw new InvalidOperationException($"Service type '{serviceType.FullName}' is not marked [RpcService].");
        var service = new RpcServiceDescription(serviceType, attribute.Name ?? serviceType.Name, model.TargetNamespace);

        var operations = new List<RpcOperation>();
        foreach (var method in serviceType.GetMethods(BindingFlags.Public | BindingFlags.Instance).OrderBy(m => m.MetadataToken))
        {
            var rpc = method.GetCustomAttribute<RpcMethodAttribute>();
            if (rpc is null)
            {
                continue;
            }

            var name = rpc.Name ?? TrimAsync(method.Name);
            var shape = new OperationShape(name, rpc.Action ?? $"{service.Namespace.TrimEnd('/')}/{service.Name}/{name}")
            {
                FaultDetailTypes = method.GetCustomAttributes<RpcFaultAttribute>().Select(f => f.DetailType).ToList(),
                Headers = method.GetCustomAttributes<RpcHeaderAttribute>().Concat(serviceType.GetCustomAttributes<RpcHeaderAttribute>()).ToList(),
            };
            if (serviceType.IsInterface && operations.Any(o => o.Name == name && IsTaskTwin(o.Method, method)))
            {
                // A client's interface pairs a synchronous method with its ...Async twin, as WCF's does: the first declared describes both.
                continue;
            }

            var operation = BuildOperation(service, method, shape, model);
            if (operations.Any(o => o.Name == operation.Name))
            {
                throw new InvalidOperationException(
                    $"Service '{service.Name}' declares the operation '{operation.Name}' twice ({serviceType.FullName}.{method.Name}). Operation names must be unique: rename one with [RpcMethod(Name = ...)].");
            }

            operations.Add(operation);
        }

        if (operations.Count == 0)
        {
            throw new InvalidOperationException($"Service '{serviceType.FullName}' has no public [RpcMethod] methods.");
        }

        service.Operations = operations;
        return service;
    }

    /// <summary>Describes one operation: its parameters and result as message parts, headers, faults and invoker.</summary>
    internal static RpcOperation BuildOperation(RpcServiceDescription service, MethodInfo method, OperationShape shape, TypeModel model)
    {
        if (method.IsGenericMethodDefinition)
        {
            throw new InvalidOperationException($"Operation method '{method.DeclaringType?.Name}.{method.Name}' is generic; operations cannot be generic.");
        }

        var name = shape.Name;
        var invoker = new OperationInvoker(method, shape.TranslateError);
        var sources = new List<ParameterSource>();
        var parts = new List<RpcMember>();
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.ParameterType == typeof(CancellationToken))
            {
                sources.Add(new ParameterSource(ParameterSourceKind.CancellationToken, -1));
            }
            else if (parameter.ParameterType == typeof(MethodContext))
            {
                sources.Add(new ParameterSource(ParameterSourceKind.MethodContext, -1));
            }
            else if (parameter.IsOut || parameter.ParameterType.IsByRef)
            {
                throw new InvalidOperationException($"Parameter '{parameter.Name}' of '{service.Name}.{name}' is by-reference; return a type instead.");
            }
            else if (shape.RequestContract is { } contract)
            {
                if (parameter.ParameterType != contract.ContractType || sources.Any(s => s.Kind == ParameterSourceKind.ContractMessage))
                {
                    throw new InvalidOperationException($"Operation '{service.Name}.{name}' takes the contract message '{contract.ContractType.Name}'; it cannot take '{parameter.Name}' as well.");
                }

                sources.Add(new ParameterSource(ParameterSourceKind.ContractMessage, -1));
                parts.AddRange(Parts(contract, model, service, name));
            }
            else
            {
                sources.Add(ParameterSource.Wire(parts.Count));
                var partName = shape.ParameterName?.Invoke(parameter) ?? parameter.Name!;
                parts.Add(Describe(() => shape.NillableReferenceParts
                    ? model.CreateMember(partName, parameter.ParameterType, CanBeNull(parameter.ParameterType), required: !CanBeNull(parameter.ParameterType), parameter.GetCustomAttributes())
                    : model.CreateParameterMember(parameter, partName), service, name, parameter.Name!));
            }
        }

        var response = new List<RpcMember>();
        if (shape.ResponseContract is { } responseContract)
        {
            if (invoker.ResultType != responseContract.ContractType)
            {
                throw new InvalidOperationException($"Operation '{service.Name}.{name}' declares the response contract '{responseContract.ContractType.Name}' but returns '{invoker.ResultType.Name}'.");
            }

            response.AddRange(Parts(responseContract, model, service, name));
        }
        else if (!invoker.IsVoid)
        {
            var nullable = shape.NillableReferenceParts ? CanBeNull(invoker.ResultType) : IsNullableResult(method, invoker.ResultType);
            var constraints = method.ReturnParameter.GetCustomAttributes<Attribute>();
            response.Add(Describe(() => model.CreateMember(shape.ResultName ?? name + "Result", invoker.ResultType, nullable, required: !nullable, constraints), service, name, "result"));
        }

        var ns = XNamespace.Get(service.Namespace);
        var headers = shape.Headers
            .GroupBy(h => h.HeaderType)
            .Select(g => g.First())
            .Select(h => new OperationHeader(ns + model.GetType(h.HeaderType).ItemName, model.GetType(h.HeaderType), h.Direction, h.Required))
            .ToList();
        var requestHeaders = ContractHeaders(shape.RequestContract, RpcHeaderDirection.In, ns, model, service, name);
        var responseHeaders = ContractHeaders(shape.ResponseContract, RpcHeaderDirection.Out, ns, model, service, name);
        headers.AddRange(requestHeaders);
        headers.AddRange(responseHeaders);
        var faults = shape.FaultDetailTypes.Select(model.GetType).ToList();

        return new RpcOperation(service, method, name, shape.Action)
        {
            IsOneWay = shape.IsOneWay,
            Request = new RpcMessage(shape.RequestContract?.WrapperName ?? name, parts),
            Response = new RpcMessage(shape.ResponseContract?.WrapperName ?? name + "Response", response),
            RequestContract = shape.RequestContract is { } request ? new ContractMessageBinding(request, requestHeaders, Unwrapped(request, model)) : null,
            ResponseContract = shape.ResponseContract is { } reply ? new ContractMessageBinding(reply, responseHeaders, Unwrapped(reply, model)) : null,
            Parameters = [.. sources],
            Headers = headers,
            FaultDetails = faults,
            Invoker = invoker,
        };
    }

    // A wrapped contract message's parts are its body members; an unwrapped one's, the members of its one body member's type.
    private static IEnumerable<RpcMember> Parts(ContractMessage contract, TypeModel model, RpcServiceDescription service, string operation)
        => Unwrapped(contract, model) is { } type ? type.Members : contract.Body.Select(p => Part(p, model, service, operation)).ToList();

    private static RpcType? Unwrapped(ContractMessage contract, TypeModel model)
    {
        if (contract.IsWrapped)
        {
            return null;
        }

        var type = contract.Body.Count == 1 ? model.GetType(contract.Body[0].MemberType) : null;
        return type is { Kind: RpcTypeKind.Complex }
            ? type
            : throw new InvalidOperationException($"The unwrapped contract message '{contract.ContractType.Name}' needs exactly one body member of a complex type.");
    }

    // A contract message's body member: optional and nillable when it can be null, as the parts of WCF operations are.
    private static RpcMember Part(ContractMessagePart part, TypeModel model, RpcServiceDescription service, string operation)
        => Describe(() => model.CreateMember(part.Name, part.MemberType, CanBeNull(part.MemberType), required: !CanBeNull(part.MemberType), part.Member.GetCustomAttributes()), service, operation, part.Member.Name);

    private static List<OperationHeader> ContractHeaders(ContractMessage? contract, RpcHeaderDirection direction, XNamespace ns, TypeModel model, RpcServiceDescription service, string operation)
        => contract is null ? [] : contract.Headers
            .Select(h => new OperationHeader(ns + h.Name, Describe(() => model.GetType(h.MemberType), service, operation, h.Member.Name), direction, Required: false) { ContractPart = h })
            .ToList();

    private static T Describe<T>(Func<T> describe, RpcServiceDescription service, string operation, string part)
    {
        try
        {
            return describe();
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException($"Operation '{service.Name}.{operation}', {part}: {ex.Message}", ex);
        }
    }

    private static bool CanBeNull(Type type) => !type.IsValueType || Nullable.GetUnderlyingType(type) is not null;

    private static bool IsNullableResult(MethodInfo method, Type resultType)
    {
        if (resultType.IsValueType)
        {
            return Nullable.GetUnderlyingType(resultType) is not null;
        }

        var info = new NullabilityInfoContext().Create(method.ReturnParameter);
        if (info.GenericTypeArguments.Length == 1 && resultType != method.ReturnType)
        {
            info = info.GenericTypeArguments[0];
        }

        return info.ReadState != NullabilityState.NotNull;
    }

    private static bool IsTaskTwin(MethodInfo first, MethodInfo second) => IsAwaitable(first.ReturnType) != IsAwaitable(second.ReturnType);

    private static bool IsAwaitable(Type type)
        => typeof(Task).IsAssignableFrom(type) || type == typeof(ValueTask) || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueTask<>));

    internal static string TrimAsync(string name)
        => name.Length > 5 && name.EndsWith("Async", StringComparison.Ordinal) ? name[..^5] : name;
}
