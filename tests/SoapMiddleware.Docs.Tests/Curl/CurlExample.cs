namespace SoapMiddleware.Docs.Tests.Curl;

/// <summary>
/// A <c>curl</c> line of a shell block and what the document says it answers.
/// </summary>
/// <param name="Location">Where the line is (<c>README.md:180</c>).</param>
/// <param name="CommandLine">The line as written, without its trailing comment.</param>
/// <param name="ExpectedStatus">The documented HTTP status, or null when the document gives none (then any 2xx).</param>
/// <param name="ExpectedBody">The documented body, or null: JSON is compared as a subset, other text with <c>...</c> as a wildcard.</param>
public sealed record CurlExample(string Location, string CommandLine, int? ExpectedStatus, string? ExpectedBody);
