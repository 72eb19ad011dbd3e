using System.Linq.Expressions;
using System.Reflection;

namespace SoapMiddleware.Description;

/// <summary>
/// Calls a service method through a delegate compiled once, and awaits whatever it returns
/// (void, T, <see cref="Task"/>, <see cref="Task{T}"/>, <see cref="ValueTask"/>, <see cref="ValueTask{T}"/>).
/// </summary>
internal sealed class OperationInvoker
{
    private static readonly MethodInfo AwaitTaskOfT = typeof(OperationInvoker).GetMethod(nameof(AwaitTaskAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo AwaitValueTaskOfT = typeof(OperationInvoker).GetMethod(nameof(AwaitValueTaskAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly Func<object, object?[], object?> _call;
    private readonly Func<object, ValueTask<object?>>? _await;
    private readonly Func<Exception, Exception>? _translate;

    public OperationInvoker(MethodInfo method, Func<Exception, Exception>? translateError = null)
    {
        _translate = translateError;
        var service = Expression.Parameter(typeof(object), "service");
        var args = Expression.Parameter(typeof(object?[]), "args");
        var arguments = method.GetParameters().Select((p, i) =>
            (Expression)Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), p.ParameterType));
        Expression call = Expression.Call(Expression.Convert(service, method.DeclaringType!), method, arguments);
        call = method.ReturnType == typeof(void)
            ? Expression.Block(call, Expression.Constant(null))
            : Expression.Convert(call, typeof(object));
        _call = Expression.Lambda<Func<object, object?[], object?>>(call, service, args).Compile();

        var type = method.ReturnType;
        ResultType = type;
        if (type == typeof(void) || type == typeof(Task) || type == typeof(ValueTask))
        {
            IsVoid = true;
            ResultType = typeof(void);
            _await = type == typeof(Task) ? AwaitTask : type == typeof(ValueTask) ? AwaitValueTask : null;
        }
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>))
        {
            ResultType = type.GetGenericArguments()[0];
            _await = AwaitTaskOfT.MakeGenericMethod(ResultType).CreateDelegate<Func<object, ValueTask<object?>>>();
        }
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            ResultType = type.GetGenericArguments()[0];
            _await = AwaitValueTaskOfT.MakeGenericMethod(ResultType).CreateDelegate<Func<object, ValueTask<object?>>>();
        }
    }

    /// <summary>Whether the method produces no result.</summary>
    public bool IsVoid { get; }

    /// <summary>The result's type once awaited (<c>typeof(void)</c> when there is none).</summary>
    public Type ResultType { get; }

    public ValueTask<object?> InvokeAsync(object service, object?[] arguments)
        => _translate is null ? InvokeCore(service, arguments) : InvokeTranslatingAsync(service, arguments, _translate);

    private async ValueTask<object?> InvokeTranslatingAsync(object service, object?[] arguments, Func<Exception, Exception> translate)
    {
        try
        {
            return await InvokeCore(service, arguments).ConfigureAwait(false);
        }
        catch (Exception ex) when (translate(ex) is var translated && !ReferenceEquals(translated, ex))
        {
            throw translated;
        }
    }

    private ValueTask<object?> InvokeCore(object service, object?[] arguments)
    {
        object? returned;
        try
        {
            returned = _call(service, arguments);
        }
        catch (Exception ex)
        {
            return ValueTask.FromException<object?>(ex);
        }

        return _await is null ? new ValueTask<object?>(returned) : _await(returned!);
    }

    private static async ValueTask<object?> AwaitTask(object task)
    {
        await ((Task)task).ConfigureAwait(false);
        return null;
    }

    private static async ValueTask<object?> AwaitValueTask(object task)
    {
        await ((ValueTask)task).ConfigureAwait(false);
        return null;
    }

    private static async ValueTask<object?> AwaitTaskAsync<T>(object task) => await ((Task<T>)task).ConfigureAwait(false);

    private static async ValueTask<object?> AwaitValueTaskAsync<T>(object task) => await ((ValueTask<T>)task).ConfigureAwait(false);
}
