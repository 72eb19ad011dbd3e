using System.Reflection;

namespace SoapMiddleware.Model;

/// <summary>How a complex type's member is read and set: its property and, for records, its constructor parameter.</summary>
internal sealed record MemberBinding(PropertyInfo Property, ParameterInfo? ConstructorParameter, object? AbsentValue);
