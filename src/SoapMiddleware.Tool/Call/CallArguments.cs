using System.Text.Json;
using SoapMiddleware.Description.Schema;

namespace SoapMiddleware.Tool.Call;

/// <summary>
/// Turns <c>name=value</c> words into a call's arguments by the parameters' XSD types: a simple parameter takes the
/// text as it is (the client converts it: <c>a=1</c> to an <c>xs:int</c>); a complex or array one takes a JSON value
/// (<c>person={"name":"Bo"}</c>, <c>numbers=[1,2]</c>), or nested words (<c>person.name=Bo person.age=4</c>).
/// </summary>
internal static class CallArguments
{
    public static Dictionary<string, object?> Parse(SchemaOperation operation, IEnumerable<string> words)
    {
        var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ArgumentException($"'{word}' is not name=value; the parameters of {operation.Name} are {Names(operation.RequestParts)}.");
            }

            var path = word[..equals].Split('.');
            var text = word[(equals + 1)..];
            Set(arguments, path, 0, text, operation.RequestParts, operation.Name);
        }

        return arguments;
    }

    private static void Set(Dictionary<string, object?> target, string[] path, int index, string text, IReadOnlyList<SchemaMember> members, string owner)
    {
        var member = members.FirstOrDefault(m => m.Name.LocalName == path[index])
            ?? members.FirstOrDefault(m => string.Equals(m.Name.LocalName, path[index], StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"{owner} has no member '{path[index]}'; it has {Names(members)}.");
        var name = member.Name.LocalName;
        if (index == path.Length - 1)
        {
            target[name] = Value(text, member);
            return;
        }

        if (member.Type.Kind != SchemaTypeKind.Complex || member.IsRepeated)
        {
            throw new ArgumentException($"'{string.Join('.', path)}': {name} is {member.Type}, which has no members; give it a value.");
        }

        if (target.GetValueOrDefault(name) is not Dictionary<string, object?> nested)
        {
            target[name] = nested = new Dictionary<string, object?>(StringComparer.Ordinal);
        }

        Set(nested, path, index + 1, text, member.Type.Members, name);
    }

    private static object? Value(string text, SchemaMember member)
    {
        if (member.Type.Kind == SchemaTypeKind.Xml && !member.IsRepeated && text.StartsWith('<'))
        {
            return System.Xml.Linq.XElement.Parse(text); // an xs:any or xs:anyType value given as markup
        }

        var simple = member.Type.Kind is SchemaTypeKind.Primitive or SchemaTypeKind.Enumeration && !member.IsRepeated;
        if (simple || text.Length == 0 || text[0] is not ('[' or '{'))
        {
            return text;
        }

        using var json = JsonDocument.Parse(text);
        return FromJson(json.RootElement);
    }

    /// <summary>A JSON value as the client takes it: objects as dictionaries, arrays as lists, numbers and strings as text.</summary>
    private static object? FromJson(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Object => json.EnumerateObject().ToDictionary(p => p.Name, p => FromJson(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => json.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.String => json.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => json.GetRawText(),
    };

    private static string Names(IReadOnlyList<SchemaMember> members)
        => members.Count == 0 ? "none" : string.Join(", ", members.Select(m => m.Name.LocalName));
}
