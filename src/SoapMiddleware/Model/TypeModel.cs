using System.Reflection;

namespace SoapMiddleware.Model;

/// <summary>One application's types: a thread-safe cache of <see cref="RpcType"/> per CLR type.</summary>
internal sealed class TypeModel(string targetNamespace)
{
    public string TargetNamespace { get; } = targetNamespace;

    /// <summary>Every named type (complex, enum, array, special simple types) reached so far, for the schema.</summary>
    public IReadOnlyCollection<RpcType> SchemaTypes => throw new NotImplementedException();

    /// <summary>Describes a CLR type; throws <see cref="InvalidOperationException"/> naming an unsupported type.</summary>
    public RpcType GetType(Type clrType) => throw new NotImplementedException();

    /// <summary>Describes a method parameter: nullability, DataAnnotations constraints, default value.</summary>
    public RpcMember CreateParameterMember(ParameterInfo parameter, string name) => throw new NotImplementedException();

    /// <summary>Describes a synthetic part, such as a method's result.</summary>
    public RpcMember CreateMember(string name, Type declaredType, bool nullable, bool required, IEnumerable<Attribute> constraints)
        => throw new NotImplementedException();
}
