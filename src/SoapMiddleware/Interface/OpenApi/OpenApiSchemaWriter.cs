using System.Text.Json;
using SoapMiddleware.Model;

namespace SoapMiddleware.Interface.OpenApi;

/// <summary>
/// Writes JSON schemas (OpenAPI 3.0 dialect) for the type model: primitives inline with a type and format, complex
/// types, enums and arrays as <c>$ref</c>s to <c>components/schemas</c> (collected while writing, written once by
/// <see cref="WriteCollected"/>). DataAnnotations become <c>minLength</c>/<c>maxLength</c>/<c>pattern</c>,
/// <c>minimum</c>/<c>maximum</c> (<c>exclusiveMinimum</c>/<c>exclusiveMaximum</c> as booleans),
/// <c>minItems</c>/<c>maxItems</c>; required members go in <c>required</c>, nillable ones are <c>nullable</c>.
/// </summary>
internal sealed class OpenApiSchemaWriter(Utf8JsonWriter writer)
{
    private readonly SortedDictionary<string, RpcType> _named = new(StringComparer.Ordinal);
    private readonly HashSet<string> _written = [];

    /// <summary>A message (request or response wrapper) as an object schema with its parts as properties.</summary>
    public void WriteMessageSchema(string name, RpcMessage message)
    {
        writer.WriteStartObject(name);
        WriteObject(message.Members);
        writer.WriteEndObject();
    }

    /// <summary>Remembers a named type (and the types it reaches) for <c>components/schemas</c>.</summary>
    public void Collect(RpcType type)
    {
        if (type.Kind == RpcTypeKind.Primitive || !_named.TryAdd(type.SchemaName.Name, type))
        {
            return;
        }

        foreach (var member in type.Members)
        {
            Collect(member.Type);
        }

        if (type.ItemType is { } item)
        {
            Collect(item);
        }
    }

    /// <summary>Writes every collected named type, including types reached while writing earlier ones.</summary>
    public void WriteCollected()
    {
        while (_named.Keys.FirstOrDefault(k => !_written.Contains(k)) is { } name)
        {
            _written.Add(name);
            var type = _named[name];
            writer.WriteStartObject(name);
            switch (type.Kind)
            {
                case RpcTypeKind.Complex:
                    WriteObject(type.Members);
                    break;
                case RpcTypeKind.Enum:
                    writer.WriteString("type", "string");
                    writer.WriteStartArray("enum");
                    foreach (var value in type.EnumNames)
                    {
                        writer.WriteStringValue(value);
                    }

                    writer.WriteEndArray();
                    break;
                case RpcTypeKind.Array:
                    writer.WriteString("type", "array");
                    writer.WritePropertyName("items");
                    WriteTypeSchema(type.ItemType!, nullable: type.ItemNillable);
                    break;
            }

            writer.WriteEndObject();
        }
    }

    /// <summary>A member's schema: its type, nullability and DataAnnotations.</summary>
    public void WriteMemberSchema(RpcMember member)
    {
        var type = member.Type;
        var constraints = member.Constraints;
        if (type.Kind == RpcTypeKind.Primitive)
        {
            writer.WriteStartObject();
            WritePrimitive(type);
            if (member.IsNillable)
            {
                writer.WriteBoolean("nullable", true);
            }

            if (constraints is not null)
            {
                WriteConstraints(type, constraints);
            }

            writer.WriteEndObject();
            return;
        }

        Collect(type);
        var hasItemRules = constraints is { AppliesToItems: true } && (constraints.MinLength is not null || constraints.MaxLength is not null);
        if (!member.IsNillable && !hasItemRules)
        {
            WriteRef(type);
            return;
        }

        // OpenAPI 3.0 ignores keywords beside $ref: wrap it in allOf to add nullable and item counts.
        writer.WriteStartObject();
        writer.WriteStartArray("allOf");
        WriteRef(type);
        writer.WriteEndArray();
        if (member.IsNillable)
        {
            writer.WriteBoolean("nullable", true);
        }

        if (hasItemRules)
        {
            WriteNumber("minItems", constraints!.MinLength);
            WriteNumber("maxItems", constraints.MaxLength);
        }

        writer.WriteEndObject();
    }

    private void WriteObject(IReadOnlyList<RpcMember> members)
    {
        writer.WriteString("type", "object");
        var required = members.Where(m => m.MinOccurs > 0).ToList();
        if (required.Count > 0)
        {
            writer.WriteStartArray("required");
            foreach (var member in required)
            {
                writer.WriteStringValue(member.Name);
            }

            writer.WriteEndArray();
        }

        writer.WriteStartObject("properties");
        foreach (var member in members)
        {
            writer.WritePropertyName(member.Name);
            WriteMemberSchema(member);
        }

        writer.WriteEndObject();
    }

    private void WriteTypeSchema(RpcType type, bool nullable)
    {
        if (type.Kind != RpcTypeKind.Primitive && !nullable)
        {
            Collect(type);
            WriteRef(type);
            return;
        }

        writer.WriteStartObject();
        if (type.Kind == RpcTypeKind.Primitive)
        {
            WritePrimitive(type);
        }
        else
        {
            Collect(type);
            writer.WriteStartArray("allOf");
            WriteRef(type);
            writer.WriteEndArray();
        }

        if (nullable)
        {
            writer.WriteBoolean("nullable", true);
        }

        writer.WriteEndObject();
    }

    private void WriteRef(RpcType type)
    {
        writer.WriteStartObject();
        writer.WriteString("$ref", OpenApiBuilder.Ref(type.SchemaName.Name));
        writer.WriteEndObject();
    }

    /// <summary>The JSON type and format of a primitive, by its XSD type (as the JSON writer writes it).</summary>
    private void WritePrimitive(RpcType type)
    {
        var (jsonType, format) = type.Codec!.SchemaName.Name switch
        {
            "boolean" => ("boolean", null),
            "int" or "short" or "byte" or "unsignedByte" or "unsignedShort" => ("integer", "int32"),
            "long" or "unsignedInt" => ("integer", "int64"),
            "unsignedLong" => ("integer", null),
            "float" => ("number", "float"),
            "double" => ("number", "double"),
            "decimal" => ("number", null),
            "dateTime" => ("string", "date-time"),
            "date" => ("string", "date"),
            "duration" => ("string", "duration"),
            "base64Binary" => ("string", "byte"),
            PrimitiveCodecs.GuidTypeName => ("string", "uuid"),
            _ => ("string", (string?)null),
        };
        writer.WriteString("type", jsonType);
        if (format is not null)
        {
            writer.WriteString("format", format);
        }

        if (type.Codec.IntegerRange is { } range && format != "int64" && type.Codec.SchemaName.Name != "int")
        {
            writer.WriteNumber("minimum", range.Min);
            writer.WriteNumber("maximum", range.Max);
        }
    }

    private void WriteConstraints(RpcType type, MemberConstraints constraints)
    {
        if (type.Codec!.IsString)
        {
            var min = Math.Max(constraints.MinLength ?? 0, constraints.RejectEmptyString ? 1 : 0);
            if (min > 0)
            {
                writer.WriteNumber("minLength", min);
            }

            WriteNumber("maxLength", constraints.MaxLength);
        }

        if (constraints.Range is { } range)
        {
            if (double.IsFinite(range.Min))
            {
                writer.WriteNumber("minimum", range.Min);
                if (range.MinExclusive)
                {
                    writer.WriteBoolean("exclusiveMinimum", true);
                }
            }

            if (double.IsFinite(range.Max))
            {
                writer.WriteNumber("maximum", range.Max);
                if (range.MaxExclusive)
                {
                    writer.WriteBoolean("exclusiveMaximum", true);
                }
            }
        }

        if (constraints.Pattern is { } pattern)
        {
            // DataAnnotations patterns match the whole value; JSON-schema patterns match anywhere, so anchor them.
            writer.WriteString("pattern", "^(?:" + pattern + ")$");
        }
    }

    private void WriteNumber(string name, int? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
    }
}
