using System.Text.Json;

namespace SoapMiddleware.Protocols.Json;

/// <summary>
/// How a protocol whose request is an object of arguments (JSON, or MessagePack read as JSON) names its own terms in
/// the faults <see cref="ArgumentObjectReader"/> writes, so each client reads its format's words.
/// </summary>
/// <param name="Name">The format in a sentence: <c>JSON</c>, <c>MessagePack</c>.</param>
/// <param name="Container">The object that names the operation: <c>JSON object</c>, <c>MessagePack map</c>.</param>
/// <param name="Noun">The object in short: <c>object</c>, <c>map</c>.</param>
/// <param name="Key">One entry's name: <c>property</c>, <c>key</c>.</param>
/// <param name="ParseFailure">Before the parser's message when the bytes do not parse.</param>
/// <param name="InvalidText">The fault when a name cannot become text (invalid UTF-8), or null where that cannot happen.</param>
/// <param name="ArgumentsExpected">What the arguments must be (<c>a map of arguments</c>), checked before reading; null to leave it to the reader.</param>
/// <param name="Describe">A value named in the format's words.</param>
/// <param name="Null">The format's null in a sentence: <c>null</c>, <c>nil</c>.</param>
internal sealed record ArgumentObjectDialect(
    string Name,
    string Container,
    string Noun,
    string Key,
    string ParseFailure,
    string? InvalidText,
    string? ArgumentsExpected,
    Func<JsonElement, string> Describe,
    string Null)
{
    /// <summary>JSON's words.</summary>
    public static ArgumentObjectDialect Json { get; } = new(
        "JSON", "JSON object", "object", "property", "The request is not valid JSON: ",
        "The request is not valid JSON text: it holds invalid UTF-8 bytes or a lone surrogate escape.", null, JsonArgumentReader.Describe,
        "null");
}
