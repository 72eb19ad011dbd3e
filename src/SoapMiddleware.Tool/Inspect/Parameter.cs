namespace SoapMiddleware.Tool.Inspect;

/// <summary>One parameter of a signature: its name and its type as printed (<c>xsd:int</c>, <c>ns0:Order[]</c>, <c>{a: xsd:int}</c>).</summary>
internal sealed record Parameter(string Name, string Type);
