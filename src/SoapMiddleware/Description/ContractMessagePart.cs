using System.Reflection;

namespace SoapMiddleware.Description;

/// <summary>
/// One field or property of a <see cref="ContractMessage"/>: its element name (a body part's name, or a header's local
/// name in the service namespace) and, for a header, whether its sender marks it <c>mustUnderstand</c>.
/// </summary>
internal sealed record ContractMessagePart(MemberInfo Member, string Name, bool MustUnderstand = false)
{
    public Type MemberType => Member is PropertyInfo property ? property.PropertyType : ((FieldInfo)Member).FieldType;

    public object? GetValue(object instance) => Member is PropertyInfo property ? property.GetValue(instance) : ((FieldInfo)Member).GetValue(instance);

    public void SetValue(object instance, object? value)
    {
        if (value is null && MemberType.IsValueType && Nullable.GetUnderlyingType(MemberType) is null)
        {
            return;
        }

        if (Member is PropertyInfo property)
        {
            property.SetValue(instance, value);
        }
        else
        {
            ((FieldInfo)Member).SetValue(instance, value);
        }
    }
}
