using System.Globalization;
using System.Text.Json;

namespace SoapMiddleware.Tests.Infrastructure;

/// <summary>
/// A small structural validator for OpenAPI 3.0 schemas: <c>$ref</c>, <c>allOf</c>, <c>oneOf</c>, <c>type</c>,
/// <c>format</c> (int32, date-time), <c>nullable</c>, <c>enum</c>, <c>required</c>, <c>properties</c> (an undocumented
/// property is an error too) and <c>items</c>. Enough to prove a response matches its documented shape.
/// </summary>
public static class OpenApiValidator
{
    public static List<string> Validate(JsonElement document, JsonElement schema, JsonElement value)
    {
        var errors = new List<string>();
        Validate(document, schema, value, "$", errors);
        return errors;
    }

    public static JsonElement Resolve(JsonElement document, string reference)
    {
        Assert.StartsWith("#/", reference);
        var node = document;
        foreach (var segment in reference[2..].Split('/'))
        {
            Assert.True(node.TryGetProperty(segment, out node), $"Unresolvable $ref '{reference}'.");
        }

        return node;
    }

    private static void Validate(JsonElement document, JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            Validate(document, Resolve(document, reference.GetString()!), value, path, errors);
            return;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!(schema.TryGetProperty("nullable", out var nullable) && nullable.GetBoolean()))
            {
                errors.Add($"{path}: null but the schema is not nullable.");
            }

            return;
        }

        if (schema.TryGetProperty("allOf", out var allOf))
        {
            foreach (var part in allOf.EnumerateArray())
            {
                Validate(document, part, value, path, errors);
            }
        }

        if (schema.TryGetProperty("oneOf", out var oneOf))
        {
            var matches = oneOf.EnumerateArray().Count(part => Validate(document, part, value).Count == 0);
            if (matches != 1)
            {
                errors.Add($"{path}: matches {matches} of the oneOf schemas, expected exactly 1.");
            }
        }

        if (schema.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => v.GetRawText() == value.GetRawText()))
        {
            errors.Add($"{path}: {value.GetRawText()} is not one of the enum values.");
        }

        if (!schema.TryGetProperty("type", out var type))
        {
            return;
        }

        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        switch (type.GetString())
        {
            case "object" when value.ValueKind == JsonValueKind.Object:
                ValidateObject(document, schema, value, path, errors);
                break;
            case "array" when value.ValueKind == JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Validate(document, schema.GetProperty("items"), item, $"{path}[{index++}]", errors);
                }

                break;
            case "integer" when value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var d) && d == decimal.Truncate(d):
                if (format == "int32" && !value.TryGetInt32(out _))
                {
                    errors.Add($"{path}: {value.GetRawText()} is not an int32.");
                }

                break;
            case "number" when value.ValueKind == JsonValueKind.Number:
            case "boolean" when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                break;
            case "string" when value.ValueKind == JsonValueKind.String:
                if (format == "date-time" && !DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    errors.Add($"{path}: '{value.GetString()}' is not a date-time.");
                }

                break;
            default:
                errors.Add($"{path}: {value.ValueKind} does not match type '{type.GetString()}'.");
                break;
        }
    }

    private static void ValidateObject(JsonElement document, JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (!value.TryGetProperty(name, out _))
                {
                    errors.Add($"{path}: the required property '{name}' is missing.");
                }
            }
        }

        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        foreach (var property in value.EnumerateObject())
        {
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Validate(document, propertySchema, property.Value, path + "." + property.Name, errors);
            }
            else if (!(schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.True)
                     && properties.ValueKind == JsonValueKind.Object)
            {
                errors.Add($"{path}: the property '{property.Name}' is not documented.");
            }
        }
    }
}
