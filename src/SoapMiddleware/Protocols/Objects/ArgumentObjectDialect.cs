using System.Text.Json;
using SoapMiddleware.Protocols.Json;

namespace SoapMiddleware.Protocols.Objects;

/// <summary>
/// How a protocol whose request is an object of arguments (JSON, or MessagePack read as JSON) names its own terms in
/// the faults <see cref="ArgumentObjectReader"/> writes, so each client reads its format's words:
/// <c>Expected one key naming the operation, but the map has more</c> for MessagePack where JSON says
/// <c>property</c> and <c>object</c>.
/// </summary>
public sealed class ArgumentObjectDialect
{
    /// <summary>JSON's words.</summary>
    public static ArgumentObjectDialect Json { get; } = new()
    {
        Name = "JSON",
        Container = "JSON object",
        Noun = "object",
        Key = "property",
        ParseFailure = "The request is not valid JSON: ",
        InvalidText = "The request is not valid JSON text: it holds invalid UTF-8 bytes or a lone surrogate escape.",
        Describe = JsonArgumentReader.Describe,
        Null = "null",
    };

    /// <summary>The format in a sentence: <c>JSON</c>, <c>MessagePack</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The object that names the operation: <c>JSON object</c>, <c>MessagePack map</c>.</summary>
    public required string Container { get; init; }

    /// <summary>The object in short: <c>object</c>, <c>map</c>.</summary>
    public required string Noun { get; init; }

    /// <summary>One entry's name: <c>property</c>, <c>key</c>.</summary>
    public required string Key { get; init; }

    /// <summary>Put before the parser's message when the bytes do not parse as JSON.</summary>
    public required string ParseFailure { get; init; }

    /// <summary>The fault when a name cannot become text (invalid UTF-8), or null where that cannot happen (JSON the protocol wrote itself).</summary>
    public string? InvalidText { get; init; }

    /// <summary>What the arguments must be (<c>a map of arguments</c>), checked before reading; null to leave it to the reader's own message.</summary>
    public string? ArgumentsExpected { get; init; }

    /// <summary>A value named in the format's words: <c>a map</c>, <c>nil</c>.</summary>
    public required Func<JsonElement, string> Describe { get; init; }

    /// <summary>The format's null in a sentence: <c>null</c>, <c>nil</c>.</summary>
    public required string Null { get; init; }
}
