using System.Reflection;
using System.Xml.Linq;

namespace SoapMiddleware.Model;

/// <summary>
/// Creates members: parameters, result parts and the properties (and <c>[DataMember]</c> fields) of complex types, with nullability from
/// <see cref="NullabilityInfoContext"/> and rules from DataAnnotations. Used under the model's lock.
/// </summary>
internal sealed class MemberFactory(TypeModel model)
{
    // NullabilityInfoContext is not thread-safe; the model's lock serializes every use.
    private readonly NullabilityInfoContext _nullability = new();

    public RpcMember CreateParameterMember(ParameterInfo parameter, string name, TypeFactory factory)
    {
        var nullable = IsNullable(parameter.ParameterType, () => _nullability.Create(parameter).ReadState);
        var hasDefault = parameter.HasDefaultValue;
        return Create(name, parameter.ParameterType, nullable, !nullable, [.. parameter.GetCustomAttributes()], hasDefault,
            hasDefault ? NormalizeDefault(parameter.DefaultValue, parameter.ParameterType) : null, factory);
    }

    /// <summary>A member's element named in <paramref name="ns"/>: the owner type's for properties, the target namespace (null) for parts.</summary>
    public RpcMember Create(string name, Type declaredType, bool nullable, bool required, IReadOnlyList<Attribute> attributes,
        bool hasDefault, object? defaultValue, TypeFactory factory, XNamespace? ns = null, bool isAttribute = false)
    {
        var type = factory.Resolve(declaredType);
        if (isAttribute && type.Kind is not (RpcTypeKind.Primitive or RpcTypeKind.Enum))
        {
            throw new InvalidOperationException(
                $"[XmlAttribute] needs a simple type (a string, number, date, Guid, byte[] or enum), but the member is '{TypeNaming.Display(declaredType)}'; an XML attribute holds text only, so make it an element");
        }

        var constraints = ConstraintReader.Read(attributes, type, name, out var requiredAttribute);
        var canBeNull = !declaredType.IsValueType || Nullable.GetUnderlyingType(declaredType) is not null;

        // [Required] wins over '?' and defaults, as in DataAnnotations: the value must be present and not null.
        var nillable = canBeNull && nullable && !requiredAttribute;
        var optional = !requiredAttribute && (hasDefault || nillable || !required);
        return new RpcMember(name, type, declaredType, nillable, optional ? 0 : 1)
        {
            HasDefault = hasDefault,
            DefaultValue = defaultValue,
            Constraints = constraints,
            ExpectedContentTypes = ExpectedContentTypes(attributes, type),
            IsAttribute = isAttribute,

            // XmlSerializer writes attributes unqualified (its default form), elements in the namespace.
            ElementName = isAttribute ? XName.Get(name) : (ns ?? model.Namespace) + name,
        };
    }

    // xmime:expectedContentTypes is a comma-separated list (W3C "Describing Media Content of Binary Data in XML").
    private static string? ExpectedContentTypes(IReadOnlyList<Attribute> attributes, RpcType type)
    {
        if (attributes.OfType<RpcAttachmentAttribute>().FirstOrDefault() is not { } attachment)
        {
            return null;
        }

        if (type.Kind != RpcTypeKind.Primitive || type.Codec?.IsBinary != true)
        {
            throw new InvalidOperationException(
                $"[RpcAttachment] describes binary content, but the member is '{TypeNaming.Display(type.ClrType)}'; use it on a byte[] or Stream");
        }

        if (attachment.ContentTypes.Count == 0 || attachment.ContentTypes.Any(string.IsNullOrWhiteSpace))
        {
            throw new InvalidOperationException("[RpcAttachment] needs at least one media type, such as \"application/pdf\", and no empty one");
        }

        return string.Join(", ", attachment.ContentTypes);
    }

    /// <summary>Describes a complex type's members and compiles its accessor; the type is already registered.</summary>
    public void DescribeComplex(RpcType rpcType, TypeFactory factory)
    {
        var type = rpcType.ClrType;
        var dataContract = DataContractShape.IsDataContract(type);
        var infos = dataContract ? DataContractShape.GetMembers(type) : [.. ComplexTypeShape.GetProperties(type)];
        var constructor = type.IsAbstract ? null : ComplexTypeShape.FindConstructor(type, infos.OfType<PropertyInfo>().ToList());
        var parameters = constructor?.GetParameters() ?? [];
        // Members are named in their owner's namespace, whatever namespace their own type lives in.
        var ns = XNamespace.Get(rpcType.SchemaName.Namespace);
        var members = new List<RpcMember>(infos.Count);
        var bindings = new List<MemberBinding>(infos.Count);
        foreach (var info in infos)
        {
            var property = info as PropertyInfo;
            var parameter = property is null ? null : ComplexTypeShape.MatchParameter(parameters, property);
            if (property is not null && parameter is null && property.SetMethod is not { IsPublic: true })
            {
                if (dataContract)
                {
                    throw DataContractShape.Refused(type, property, "it has no public setter and no matching constructor parameter, so a request could not set it");
                }

                continue; // Computed or get-only: written nowhere, read from nowhere.
            }

            var attributes = new List<Attribute>(info.GetCustomAttributes());
            if (parameter is not null)
            {
                // A record's positional parameter carries the attributes written on it.
                attributes.AddRange(parameter.GetCustomAttributes());
            }

            RpcMember member;
            try
            {
                member = dataContract
                    ? CreateDataMember(info, attributes, factory, DeclaringNamespace(info, type, ns, factory))
                    : CreatePropertyMember(property!, parameter, attributes, factory, ns);
            }
            catch (InvalidOperationException ex)
            {
                throw new InvalidOperationException($"{(property is null ? "Field" : "Property")} '{TypeNaming.Display(type)}.{info.Name}': {ex.Message}", ex);
            }

            members.Add(member);
            rpcType.HasAttributeMembers |= member.IsAttribute;
            bindings.Add(new MemberBinding(info, parameter, parameter is null ? null : member.AbsentValue));
        }

        rpcType.Members = members;
        rpcType.Accessor = AccessorCompiler.Compile(type, constructor, bindings, members);
    }

    // DataContractSerializer names an inherited data member in the namespace of the data contract declaring it.
    private static XNamespace DeclaringNamespace(MemberInfo info, Type type, XNamespace ns, TypeFactory factory)
        => info.DeclaringType is { } declaring && declaring != type ? XNamespace.Get(factory.Resolve(declaring).SchemaName.Namespace) : ns;

    // A plain class's property: an element named by [XmlElement]/[XmlArray], or an attribute named by [XmlAttribute].
    private RpcMember CreatePropertyMember(PropertyInfo property, ParameterInfo? parameter, IReadOnlyList<Attribute> attributes, TypeFactory factory, XNamespace ns)
    {
        var nullable = IsNullable(property.PropertyType, () => _nullability.Create(property).ReadState);
        var hasDefault = parameter is { HasDefaultValue: true };
        var defaultValue = hasDefault ? NormalizeDefault(parameter!.DefaultValue, parameter.ParameterType) : null;
        var attributeName = XmlNameAttributes.AttributeName(property);
        return Create(attributeName ?? XmlNameAttributes.ElementName(property), property.PropertyType, nullable, !nullable, attributes,
            hasDefault, defaultValue, factory, ns, isAttribute: attributeName is not null);
    }

    /// <summary>
    /// A <c>[DataMember]</c> property or field as DataContractSerializer writes it: optional unless <c>IsRequired</c>,
    /// nillable when the CLR type can be null, omitted when <c>EmitDefaultValue = false</c> and the value is the default.
    /// </summary>
    private static RpcMember CreateDataMember(MemberInfo info, IReadOnlyList<Attribute> attributes, TypeFactory factory, XNamespace ns)
    {
        var data = DataContractShape.MemberOf(info);
        var name = data.Name ?? info.Name;
        var declaredType = info is PropertyInfo property ? property.PropertyType : ((FieldInfo)info).FieldType;
        var type = factory.Resolve(declaredType);
        var constraints = ConstraintReader.Read(attributes, type, name, out _);
        var canBeNull = !declaredType.IsValueType || Nullable.GetUnderlyingType(declaredType) is not null;
        return new RpcMember(name, type, declaredType, canBeNull, data.IsRequired ? 1 : 0)
        {
            Constraints = constraints,
            ExpectedContentTypes = ExpectedContentTypes(attributes, type),
            ElementName = ns + name,
            OmitDefault = !data.EmitDefaultValue,
            NilWhenNull = data.EmitDefaultValue && canBeNull,
        };
    }

    private static bool IsNullable(Type type, Func<NullabilityState> state)
        => type.IsValueType ? Nullable.GetUnderlyingType(type) is not null : state() != NullabilityState.NotNull;

    // ParameterInfo.DefaultValue is null for "= default" on structs and the underlying integer for some enums.
    private static object? NormalizeDefault(object? value, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (value is null || value is DBNull || value == Missing.Value)
        {
            return type.IsValueType && target == type ? Activator.CreateInstance(type) : null;
        }

        return target.IsEnum && value.GetType() != target ? Enum.ToObject(target, value) : value;
    }
}
