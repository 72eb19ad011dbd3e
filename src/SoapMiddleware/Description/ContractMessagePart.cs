using System.Reflection;

namespace SoapMiddleware.Description;

/// <summary>
/// One field or property of a <see cref="ContractMessage"/>: its element name (a body part's name, or a header's local
/// name in the service namespace) and, for a header, whether its sender marks it <c>mustUnderstand</c>.
/// </summary>
/// <param name="Member">The field or property.</param>
/// <param name="Name">The element's local name.</param>
/// <param name="MustUnderstand">For a header: whether its sender marks it <c>mustUnderstand</c>.</param>
public sealed record ContractMessagePart(MemberInfo Member, string Name, bool MustUnderstand = false)
{
    /// <summary>The field's or property's type.</summary>
    public Type MemberType => Member is PropertyInfo property ? property.PropertyType : ((FieldInfo)Member).FieldType;

    internal object? GetValue(object instance) => Member is PropertyInfo property ? property.GetValue(instance) : ((FieldInfo)Member).GetValue(instance);

    internal void SetValue(object instance, object? value)
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
