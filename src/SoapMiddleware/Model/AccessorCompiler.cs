using System.Linq.Expressions;
using System.Reflection;
using System.Xml.Linq;
using SoapMiddleware.Xml;

namespace SoapMiddleware.Model;

/// <summary>Compiles a complex type's factory, getters and number writers with expression trees, once per type.</summary>
internal static class AccessorCompiler
{
    private static readonly FieldInfo MissingField = typeof(ComplexAccessor).GetField(nameof(ComplexAccessor.Missing))!;
    private static readonly MethodInfo WriteInvariantElement = typeof(Utf8XmlSink).GetMethod(nameof(Utf8XmlSink.WriteInvariantElement))!;

    public static ComplexAccessor Compile(Type type, ConstructorInfo? constructor, IReadOnlyList<MemberBinding> bindings, IReadOnlyList<RpcMember> members)
    {
        var getters = new Func<object, object?>[bindings.Count];
        var numbers = new Action<object, Utf8XmlSink, XName>?[bindings.Count];
        for (var i = 0; i < bindings.Count; i++)
        {
            var member = bindings[i].Member;
            var memberType = bindings[i].MemberType;
            getters[i] = CompileGetter(type, member);

            // Attributes are written by the attribute path, never as an element.
            if (!members[i].IsAttribute && members[i].Type.Codec is { FormatsAsInvariantUtf8: true } && memberType.IsValueType
                && typeof(IUtf8SpanFormattable).IsAssignableFrom(memberType))
            {
                numbers[i] = CompileNumberWriter(type, member, memberType);
            }
        }

        // An abstract data contract is only ever read as one of its known types; the readers refuse it before this runs.
        var create = type.IsAbstract
            ? (Func<object?[], object>)(_ => throw new InvalidOperationException($"Type '{TypeNaming.Display(type)}' is abstract and cannot be constructed."))
            : CompileFactory(type, constructor, bindings);
        return new ComplexAccessor(create, getters, numbers);
    }

    // (instance, sink, name) => sink.WriteInvariantElement<P>(name, ((T)instance).P): the value is never boxed.
    private static Action<object, Utf8XmlSink, XName> CompileNumberWriter(Type type, MemberInfo member, Type memberType)
    {
        var instance = Expression.Parameter(typeof(object), "instance");
        var sink = Expression.Parameter(typeof(Utf8XmlSink), "sink");
        var name = Expression.Parameter(typeof(XName), "name");
        var value = Expression.MakeMemberAccess(Expression.Convert(instance, type), member);
        var body = Expression.Call(sink, WriteInvariantElement.MakeGenericMethod(memberType), name, value);
        return Expression.Lambda<Action<object, Utf8XmlSink, XName>>(body, instance, sink, name).Compile();
    }

    // Property or field alike; a private [DataMember] field too (compiled lambdas skip visibility checks).
    private static Func<object, object?> CompileGetter(Type type, MemberInfo member)
    {
        var instance = Expression.Parameter(typeof(object), "instance");
        var body = Expression.Convert(Expression.MakeMemberAccess(Expression.Convert(instance, type), member), typeof(object));
        return Expression.Lambda<Func<object, object?>>(body, instance).Compile();
    }

    // args => { var o = new T(arg(i) == Missing ? absent : (P)arg(i), ...); if (arg(j) != Missing) o.P = (P)arg(j); return (object)o; }
    // (o.P a settable property or a [DataMember] field.)
    private static Func<object?[], object> CompileFactory(Type type, ConstructorInfo? constructor, IReadOnlyList<MemberBinding> bindings)
    {
        var args = Expression.Parameter(typeof(object?[]), "args");
        var missing = Expression.Field(null, MissingField);
        var instance = Expression.Variable(type, "instance");
        var body = new List<Expression>();

        if (constructor is null)
        {
            // Structs without a declared constructor.
            body.Add(Expression.Assign(instance, Expression.New(type)));
        }
        else
        {
            var parameters = constructor.GetParameters();
            var values = new Expression[parameters.Length];
            for (var p = 0; p < parameters.Length; p++)
            {
                var index = IndexOf(bindings, parameters[p]);
                var arg = Expression.ArrayIndex(args, Expression.Constant(index));
                var absent = bindings[index].AbsentValue is { } value
                    ? (Expression)Expression.Convert(Expression.Constant(value, typeof(object)), parameters[p].ParameterType)
                    : Expression.Default(parameters[p].ParameterType);
                values[p] = Expression.Condition(
                    Expression.ReferenceEqual(arg, missing), absent, Expression.Convert(arg, parameters[p].ParameterType));
            }

            body.Add(Expression.Assign(instance, Expression.New(constructor, values)));
        }

        for (var i = 0; i < bindings.Count; i++)
        {
            if (bindings[i].ConstructorParameter is not null)
            {
                continue;
            }

            var arg = Expression.ArrayIndex(args, Expression.Constant(i));
            body.Add(Expression.IfThen(
                Expression.Not(Expression.ReferenceEqual(arg, missing)),
                Expression.Assign(Expression.MakeMemberAccess(instance, bindings[i].Member), Expression.Convert(arg, bindings[i].MemberType))));
        }

        body.Add(Expression.Convert(instance, typeof(object)));
        var block = Expression.Block(typeof(object), [instance], body);
        return Expression.Lambda<Func<object?[], object>>(block, args).Compile();
    }

    private static int IndexOf(IReadOnlyList<MemberBinding> bindings, ParameterInfo parameter)
    {
        for (var i = 0; i < bindings.Count; i++)
        {
            if (bindings[i].ConstructorParameter?.Position == parameter.Position)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"Constructor parameter '{parameter.Name}' has no member.");
    }
}
