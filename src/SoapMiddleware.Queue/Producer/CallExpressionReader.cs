using System.Linq.Expressions;
using SoapMiddleware.Description;

namespace SoapMiddleware.Queue.Producer;

/// <summary>
/// Reads <c>s => s.Add(1, x)</c> into the operation it calls and the values of its wire arguments.
/// Arguments are evaluated now, at enqueue time, like Hangfire does; a <see cref="CancellationToken"/> or
/// <see cref="MethodContext"/> argument is a placeholder that the worker fills in. The method may be the service's own
/// or one of a client contract interface the server's operation answers to (<see cref="ContractCall"/>).
/// </summary>
internal static class CallExpressionReader
{
    public static (RpcOperation Operation, object?[] Arguments) Read(RpcApplication application, Expression body)
    {
        while (body is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert)
        {
            body = convert.Operand;
        }

        if (body is not MethodCallExpression { Object: ParameterExpression } call)
        {
            throw new ArgumentException($"Expected a call of a service method on the lambda's parameter, such as s => s.Add(1, 2); got '{body}'.");
        }

        if (application.FindOperation(call.Method) is { } operation)
        {
            return (operation, operation.WireArguments(i => Evaluate(call.Arguments[i])));
        }

        var (contracted, wire) = ContractCall.Find(application.Description, call.Method)
            ?? throw new ArgumentException($"'{call.Method.DeclaringType?.Name}.{call.Method.Name}' is not an [RpcMethod] of a service registered with AddService, nor a method of a contract interface that names one of its operations with the same parameter types.");
        return (contracted, wire is null
            ? contracted.WireArguments(i => Evaluate(call.Arguments[i]))
            : wire.Select(i => Evaluate(call.Arguments[i])).ToArray());
    }

    private static object? Evaluate(Expression argument) => argument switch
    {
        ConstantExpression constant => constant.Value,
        MemberExpression { Expression: ConstantExpression closure, Member: System.Reflection.FieldInfo field } => field.GetValue(closure.Value),
        _ => Expression.Lambda<Func<object?>>(Expression.Convert(argument, typeof(object))).Compile(preferInterpretation: true)(),
    };
}
