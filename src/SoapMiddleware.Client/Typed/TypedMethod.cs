using System.Reflection;
using SoapMiddleware.Description;

namespace SoapMiddleware.Client.Typed;

/// <summary>
/// One method of a client interface, mapped once: its operation (a <c>...Async</c> twin maps to the operation without
/// the suffix), which of its parameters are wire arguments and which is the <see cref="CancellationToken"/>, and how
/// the call's <c>Task&lt;object?&gt;</c> becomes what the method returns (the value, a Task, a ValueTask).
/// </summary>
internal sealed class TypedMethod
{
    private static readonly MethodInfo CastMethod = typeof(TypedMethod).GetMethod(nameof(CastAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private TypedMethod(RpcOperation operation, int[] wireIndexes, int cancellationIndex, Func<Task<object?>, object?> complete)
    {
        Operation = operation;
        WireIndexes = wireIndexes;
        CancellationIndex = cancellationIndex;
        Complete = complete;
    }

    public RpcOperation Operation { get; }

    /// <summary>The positions of the method's wire arguments, in wire order.</summary>
    public int[] WireIndexes { get; }

    /// <summary>The position of the method's <see cref="CancellationToken"/>, or -1.</summary>
    public int CancellationIndex { get; }

    /// <summary>Turns the running call into the method's return value (blocking only for a synchronous method).</summary>
    public Func<Task<object?>, object?> Complete { get; }

    public static TypedMethod Create(MethodInfo method, RpcDescription description)
    {
        var operation = description.FindOperation(method) ?? FindTwin(method, description)
            ?? throw new InvalidOperationException($"The method '{method.DeclaringType?.Name}.{method.Name}' is no operation of the contract: mark it as the server does ([RpcMethod], [OperationContract]) or remove it from the client interface.");
        var parameters = method.GetParameters();
        var cancellation = Array.FindIndex(parameters, p => p.ParameterType == typeof(CancellationToken));
        var wire = Enumerable.Range(0, parameters.Length).Where(i => parameters[i].ParameterType != typeof(CancellationToken) && parameters[i].ParameterType != typeof(MethodContext)).ToArray();
        if (wire.Length != operation.WireParameters.Count)
        {
            throw new InvalidOperationException($"The method '{method.DeclaringType?.Name}.{method.Name}' takes {wire.Length} arguments, but the operation '{operation.Name}' takes {operation.WireParameters.Count}.");
        }

        return new TypedMethod(operation, wire, cancellation, CompletionOf(method.ReturnType));
    }

    private static RpcOperation? FindTwin(MethodInfo method, RpcDescription description)
    {
        var name = TrimAsync(method.Name);
        var types = WireTypes(method);
        return description.Operations.FirstOrDefault(o => TrimAsync(o.Method.Name) == name && WireTypes(o.Method).SequenceEqual(types));
    }

    private static IEnumerable<Type> WireTypes(MethodInfo method)
        => method.GetParameters().Select(p => p.ParameterType).Where(t => t != typeof(CancellationToken) && t != typeof(MethodContext));

    private static string TrimAsync(string name) => name.Length > 5 && name.EndsWith("Async", StringComparison.Ordinal) ? name[..^5] : name;

    private static Func<Task<object?>, object?> CompletionOf(Type returnType)
    {
        if (returnType == typeof(Task))
        {
            return task => task;
        }

        if (returnType == typeof(ValueTask))
        {
            return task => new ValueTask(task);
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            var cast = CastMethod.MakeGenericMethod(returnType.GetGenericArguments()[0]).CreateDelegate<Func<Task<object?>, object>>();
            return task => cast(task);
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            var resultType = returnType.GetGenericArguments()[0];
            var cast = CastMethod.MakeGenericMethod(resultType).CreateDelegate<Func<Task<object?>, object>>();
            var wrap = typeof(ValueTask<>).MakeGenericType(resultType).GetConstructor([typeof(Task<>).MakeGenericType(resultType)])!;
            return task => wrap.Invoke([cast(task)]);
        }

        // Synchronous: the call runs without a synchronization context (ConfigureAwait(false) throughout), so blocking is safe.
        return task => task.GetAwaiter().GetResult();
    }

    private static async Task<T> CastAsync<T>(Task<object?> task) => (T)(await task.ConfigureAwait(false))!;
}
