using System.Linq.Expressions;
using SoapMiddleware.Description;

namespace SoapMiddleware.Queue.Producer;

/// <summary>
/// Reads <c>s => s.Add(1, x)</c> into the operation it calls and the values of its wire arguments.
/// Arguments are evaluated now, at enqueue time, like Hangfire does; a <see cref="CancellationToken"/> or
/// <see cref="MethodContext"/> argument is a placeholder that the worker fills in.
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

        var operation = application.FindOperation(call.Method)
            ?? throw new ArgumentException($"'{call.Method.DeclaringType?.Name}.{call.Method.Name}' is not an [RpcMethod] of a service registered with AddService.");

        return (operation, operation.WireArguments(i => Evaluate(call.Arguments[i])));
    }

    private static object? Evaluate(Expression argument) => argument switch
    {
        ConstantExpression constant => constant.Value,
        MemberExpression { Expression: ConstantExpression closure, Member: System.Reflection.FieldInfo field } => field.GetValue(closure.Value),
        _ => Expression.Lambda<Func<object?>>(Expression.Convert(argument, typeof(object))).Compile(preferInterpretation: true)(),
    };
}
