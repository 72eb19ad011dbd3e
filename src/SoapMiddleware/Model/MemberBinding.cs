using System.Reflection;

namespace SoapMiddleware.Model;

/// <summary>
/// How a complex type's member is read and set: its property or (a <c>[DataMember]</c>) field and, for records, its
/// constructor parameter.
/// </summary>
internal sealed record MemberBinding(MemberInfo Member, ParameterInfo? ConstructorParameter, object? AbsentValue)
{
    /// <summary>The property's or the field's type.</summary>
    public Type MemberType => Member is PropertyInfo property ? property.PropertyType : ((FieldInfo)Member).FieldType;
}
