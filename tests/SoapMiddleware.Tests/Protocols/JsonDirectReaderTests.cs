using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SoapMiddleware.Protocols.Json;
using SoapMiddleware.Tests.Model;
using static SoapMiddleware.Tests.Protocols.SoapStreamingReaderTests;

namespace SoapMiddleware.Tests.Protocols;

/// <summary>
/// The JSON request path reads arguments straight from the JSON into their array; the tree path (the arguments
/// converted to the XML wrapper, then read by the model reader, as every JSON request was read before) is the oracle:
/// same arguments, same faults from the same stages, for a corpus of good and bad requests over every type of the
/// test service and for random mutations of it. The tree itself is built only when something asks for it.
/// </summary>
public sealed class JsonDirectReaderTests
{
    private static readonly Lazy<RpcApplication> App = new(() => SoapStreamingReaderTests.Build(_ => { }));

    public static TheoryData<string?, string> Corpus()
    {
        var data = new TheoryData<string?, string>();
        foreach (var (operation, json) in CorpusCases())
        {
            data.Add(operation, json);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Corpus_DirectMatchesTree(string? operation, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        var direct = Run(App.Value, bytes, operation, tree: false);
        var tree = Run(App.Value, bytes, operation, tree: true);

        Assert.Equal(tree, direct);
    }

    [Fact]
    public void Corpus_CoversGoodAndBadRequestsOfEveryStage()
    {
        var outcomes = CorpusCases().Select(c => Run(App.Value, Encoding.UTF8.GetBytes(c.Json), c.Operation, tree: false)).ToList();

        Assert.Contains(outcomes, o => o.StartsWith("ok Place ", StringComparison.Ordinal));
        Assert.Contains(outcomes, o => o.StartsWith("ok Shape ", StringComparison.Ordinal));
        Assert.Contains(outcomes, o => o.StartsWith("load Client ", StringComparison.Ordinal));
        Assert.Contains(outcomes, o => o.StartsWith("deserialize Client Element 'Check/lines': value 0 is outside the range", StringComparison.Ordinal));
        Assert.Contains(outcomes, o => o.StartsWith("deserialize Client The operation 'Secure' requires the header", StringComparison.Ordinal));
    }

    [Fact]
    public void Mutations_DirectMatchesTree()
    {
        var random = new Random(20261201);
        // JsonNode cannot copy a lone surrogate escape: those seeds stay in the corpus only.
        var seeds = CorpusCases().Where(c => c.Json.StartsWith('{') && !c.Json.Contains("\\ud800", StringComparison.Ordinal)).ToList();
        var mutations = 0;
        for (var i = 0; i < 3000; i++)
        {
            var (operation, seed) = seeds[random.Next(seeds.Count)];
            var mutated = Mutate(random, seed);
            if (mutated is null)
            {
                continue;
            }

            mutations++;
            var bytes = Encoding.UTF8.GetBytes(mutated);
            var direct = Run(App.Value, bytes, operation, tree: false);
            var tree = Run(App.Value, bytes, operation, tree: true);
            if (direct != tree)
            {
                Assert.Fail($"Outcomes differ for {operation ?? "(routed by body)"}: {mutated}\ntree:   {tree}\ndirect: {direct}");
            }
        }

        Assert.True(mutations > 2000, $"only {mutations} mutations ran");
    }

    [Fact]
    public void GoodRequest_TreeNotBuiltUnlessAsked()
    {
        var context = NewContext(App.Value, """{"Add": {"a": 2, "b": 3}}"""u8.ToArray(), operation: null);
        var protocol = context.InProtocol!;

        protocol.CreateInDocument(context);
        protocol.DecomposeIncomingEnvelope(context);
        protocol.Deserialize(context);

        Assert.IsType<JsonRequest>(context.InDocumentSource);
        Assert.False(context.InDocumentTouched);
        Assert.Equal(new object?[] { 2, 3 }, context.InObject!);
        // Asked for afterwards, the tree is the wrapper the tree path set, its body part included.
        Assert.Equal("<Add xmlns=\"urn:test\"><a>2</a><b>3</b></Add>", context.InDocument!.ToString(System.Xml.Linq.SaveOptions.DisableFormatting));
        Assert.Same(context.InDocument.Root, context.InBodyDocument);
        Assert.Null(context.InHeaderDocument);
    }

    [Fact]
    public void TreeChangedBeforeDeserialize_ArgumentsReadFromTree()
    {
        var context = NewContext(App.Value, """{"a": 2, "b": 3}"""u8.ToArray(), operation: "Add");
        var protocol = context.InProtocol!;
        protocol.CreateInDocument(context);
        protocol.DecomposeIncomingEnvelope(context);

        // What a before_deserialize listener may do: the tree is then the request.
        context.InBodyDocument!.Elements().First(e => e.Name.LocalName == "b").Value = "40";
        protocol.Deserialize(context);

        Assert.Equal(new object?[] { 2, 40 }, context.InObject!);
    }

    [Fact]
    public void EmptyBody_OperationWithoutRequiredArguments_ReadWithoutTree()
    {
        var context = NewContext(App.Value, [], operation: "Optional");
        var protocol = context.InProtocol!;

        protocol.CreateInDocument(context);
        protocol.DecomposeIncomingEnvelope(context);
        protocol.Deserialize(context);

        Assert.False(context.InDocumentTouched);
        Assert.Equal(new object?[] { null, 7, Color.Blue, null, Guid.Empty }, context.InObject!);
    }

    private static IEnumerable<(string? Operation, string Json)> CorpusCases()
    {
        // Good requests, routed by the path and by the body.
        yield return ("Add", """{"a": 1, "b": 2}""");
        yield return (null, """{"Add": {"a": 1, "b": 2}}""");
        yield return (null, """{"Add": {"B": 2, "A": 1}}""");
        yield return ("Add", """{"a": "1", "b": " 2 "}""");
        yield return ("Echo", """{"text": "héllo <&> \"q\" \n\t"}""");
        yield return ("Echo", """{"text": ""}""");
        yield return ("Pin", """{"badge": {"id": 1, "Label": "l", "tint": "Red", "Note": "n", "Weight": 2}, "titles": ["a", null]}""");
        yield return ("Pin", """{"badge": {"id": "x", "tint": "Red", "Weight": 2}}""");
        yield return ("Pin", """{"badge": {"id": 1, "Label": null, "tint": "Red", "Weight": 2}}""");
        yield return ("Pin", """{"badge": {"id": null, "tint": "Red", "Weight": 2}}""");
        yield return ("Pin", """{"badge": {"id": 1, "id": 2, "tint": "Red", "Weight": 2}}""");
        yield return ("Pin", """{"badge": {"id": 1, "tint": "Red", "Label": "far too long", "Weight": 2}}""");
        yield return ("Pin", """{"badge": {"id": {}, "tint": "Red", "Weight": 2}}""");
        yield return ("Optional", "{}");
        yield return ("Optional", "");
        yield return ("Optional", """{"note": null, "count": 3, "color": "Red", "maybe": 5, "id": "6f9619ff-8b86-d011-b42d-00cf4fc964ff"}""");
        yield return ("Optional", """{"maybe": null}""");
        yield return ("Check", """{"lines": 1000, "code": "abc"}""");
        yield return ("Named", """{"name": "x", "tag": "12345", "items": [1, 2, 3]}""");
        yield return ("Named", """{"name": "x", "tag": null, "items": null}""");
        yield return ("Place", """{"order": {"Id": 1, "Customer": "ACME", "Note": null, "Lines": [{"Product": "p", "Quantity": 2, "Price": 1.5}], "Color": "Green", "ShippedAt": "2026-12-01T10:00:00Z"}}""");
        yield return ("Place", """{"order": {"id": 1, "customer": "AC", "lines": []}}""");
        yield return ("Walk", """{"node": {"Name": "a", "Next": {"Name": "b", "Next": null}, "Children": [{"Name": "c"}, {"Name": "d", "Children": []}]}}""");
        yield return ("Strings", """{"values": ["a", null, ""], "array": [null, "b"]}""");
        yield return ("Shape", """{"shapes": {"Array": [1, 2], "List": ["x"], "ReadOnly": [3], "Sequence": ["Red", "Blue"], "NullableItems": [1, null], "Nested": [[1], [], [2, 3]]}}""");
        yield return ("Shape", """{"shapes": {}}""");
        yield return ("Stamp", """{"at": "2026-12-01T10:00:00", "amount": 12.50, "ratio": 1e-3, "flag": true, "color": "Blue"}""");
        yield return ("Stamp", """{"at": "2026-12-01", "amount": -0, "ratio": "INF", "flag": "1", "color": "Red"}""");
        yield return ("Maybe", """{"a": 1}""");

        // JSON shape: refused while the tree was built.
        yield return ("Add", "[1, 2]");
        yield return ("Add", "null");
        yield return ("Add", """{"a": 1, "c": 2}""");
        yield return ("Add", """{"a": {}, "b": 2}""");
        yield return ("Add", """{"a": [1], "b": 2}""");
        yield return ("Place", """{"order": []}""");
        yield return ("Place", """{"order": {"Lines": {}}}""");
        yield return ("Place", """{"order": {"Lines": [{"Product": "p", "Quantity": 2, "Price": 1, "Extra": 1}]}}""");
        yield return ("Shape", """{"shapes": {"Nested": [[1], ["x", {}]]}}""");
        yield return ("Echo", """{"text": "\ud800"}""");
        yield return ("Echo", """{"te\ud800xt": "a"}""");
        yield return (null, "{}");
        yield return (null, """{"Nope": {}}""");
        yield return (null, """{"Add": {}, "Echo": {}}""");
        yield return (null, """{"Add": 1}""");
        yield return ("Add", """{"a": 1,""");
        yield return ("Add", "");

        // Values and rules: refused while deserializing, with the model reader's messages.
        yield return ("Add", """{"a": 1}""");
        yield return ("Add", """{"a": 1, "b": null}""");
        yield return ("Add", """{"a": 1, "b": 2, "a": 3}""");
        yield return ("Add", """{"a": 1, "A": 3, "b": 2}""");
        yield return ("Add", """{"a": 1.5, "b": 2}""");
        yield return ("Add", """{"a": 99999999999, "b": 2}""");
        yield return ("Add", """{"a": true, "b": 2}""");
        yield return ("Check", """{"lines": 0, "code": "abc"}""");
        yield return ("Check", """{"lines": 5, "code": "ABC"}""");
        yield return ("Named", """{"name": " ", "tag": "x"}""");
        yield return ("Named", """{"name": "x", "tag": "123456"}""");
        yield return ("Named", """{"name": "x", "items": []}""");
        yield return ("Named", """{"name": "x", "items": [1, 2, 3, 4]}""");
        yield return ("Named", """{"name": "x", "items": [1, null]}""");
        yield return ("Named", """{"name": "x", "items": [1, "x", 4, 5]}""");
        yield return ("Place", """{"order": {"Customer": "A"}}""");
        yield return ("Place", """{"order": {"Customer": "ACME", "Lines": [{"Product": "p", "Quantity": 0, "Price": 1}]}}""");
        yield return ("Place", """{"order": {"Customer": "ACME", "Lines": [null]}}""");
        yield return ("Place", """{"order": {"Customer": "ACME", "Color": "Purple"}}""");
        yield return ("Place", """{"order": null}""");
        yield return ("Walk", """{"node": {"Name": "a", "Children": [{"Name": "b", "Next": {"Children": [null]}}]}}""");
        yield return ("Shape", """{"shapes": {"Sequence": [null]}}""");
        yield return ("Stamp", """{"at": "yesterday", "amount": 1, "ratio": 1, "flag": true, "color": "Blue"}""");
        yield return ("Stamp", """{"at": "2026-12-01", "amount": 1e400, "ratio": 1, "flag": "yes", "color": "Blue"}""");
        yield return ("Optional", """{"id": "not-a-guid"}""");
        yield return ("Secure", """{"a": 1}""");

        // Deeper than the model's limit (64 levels), within JSON's own (MaxDepth).
        yield return ("Walk", """{"node": """ + Nest(70) + "}");
        yield return ("Walk", """{"node": """ + Nest(30) + "}");
    }

    private static string Nest(int levels)
    {
        var text = new StringBuilder();
        for (var i = 0; i < levels; i++)
        {
            text.Append("{\"Name\": \"n\", \"Next\": ");
        }

        text.Append("null");
        text.Append('}', levels);
        return text.ToString();
    }

    private static readonly string[] Values =
    [
        "null", "0", "1", "-1", "1.5", "1e400", "99999999999", "true", "false", "\"\"", "\" \"", "\"x\"", "\"abc\"",
        "\"Red\"", "\"2026-12-01\"", "[]", "[null]", "[1]", "[\"x\"]", "[[1]]", "{}", "{\"Name\": \"n\"}",
        "{\"Product\": \"p\", \"Quantity\": 1, \"Price\": 1}",
    ];

    /// <summary>Replaces, adds or removes one value somewhere in the request; null when there was nothing to change.</summary>
    private static string? Mutate(Random random, string seed)
    {
        JsonNode? root;
        var containers = new List<JsonNode>();
        try
        {
            // The nesting seeds go past System.Text.Json's default depth of 64.
            root = JsonNode.Parse(seed, documentOptions: new System.Text.Json.JsonDocumentOptions { MaxDepth = 256 });
            Collect(root, containers);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.Text.Json.JsonException)
        {
            // A seed that is not JSON, has a repeated key or a lone surrogate (which JsonObject cannot hold): left as it is.
            return null;
        }

        if (containers.Count == 0)
        {
            return null;
        }

        var container = containers[random.Next(containers.Count)];
        var value = JsonNode.Parse(Values[random.Next(Values.Length)]);
        switch (container)
        {
            case JsonObject obj when obj.Count > 0 && random.Next(4) > 0:
                var key = obj.ElementAt(random.Next(obj.Count)).Key;
                if (random.Next(5) == 0)
                {
                    obj.Remove(key);
                }
                else
                {
                    obj[key] = value;
                }

                break;
            case JsonObject obj:
                obj["Extra" + random.Next(3)] = value;
                break;
            case JsonArray array when array.Count > 0 && random.Next(3) > 0:
                array[random.Next(array.Count)] = value;
                break;
            case JsonArray array:
                array.Add(value);
                break;
        }

        return root!.ToJsonString(new System.Text.Json.JsonSerializerOptions { MaxDepth = 256 });
    }

    private static void Collect(JsonNode? node, List<JsonNode> containers)
    {
        switch (node)
        {
            case JsonObject obj:
                containers.Add(obj);
                foreach (var (_, child) in obj)
                {
                    Collect(child, containers);
                }

                break;
            case JsonArray array:
                containers.Add(array);
                foreach (var child in array)
                {
                    Collect(child, containers);
                }

                break;
        }
    }

    private static MethodContext NewContext(RpcApplication app, byte[] bytes, string? operation)
    {
        var context = app.CreateContext(new HttpRpcTransport(new DefaultHttpContext()), new ServiceCollection().BuildServiceProvider(), bytes, "application/json", null, default);
        context.Operation = operation is null ? null : app.FindOperation(operation);
        return context;
    }

    /// <summary>One request through the protocol's stages, the direct way or the tree way; the outcome as text.</summary>
    private static string Run(RpcApplication app, byte[] bytes, string? operation, bool tree)
    {
        var context = NewContext(app, bytes, operation);
        var protocol = Assert.IsType<JsonProtocol>(context.InProtocol);
        var stage = "load";
        try
        {
            if (tree)
            {
                protocol.CreateInDocumentTree(context);
            }
            else
            {
                protocol.CreateInDocument(context);
            }

            stage = "decompose";
            protocol.DecomposeIncomingEnvelope(context);
            stage = "deserialize";
            protocol.Deserialize(context);
            var called = context.Operation!;
            var arguments = app.Serializer.WriteMessage(called.Request, context.InObject!).ToString(System.Xml.Linq.SaveOptions.DisableFormatting);
            var types = string.Join(",", context.InObject!.Select(v => v?.GetType().Name ?? "null"));

            // The tree, built on demand after a direct read, is the one the tree path held.
            var document = context.InDocument!.ToString(System.Xml.Linq.SaveOptions.DisableFormatting);
            var body = context.InBodyDocument == context.InDocument.Root;
            return $"ok {called.Name} [{types}] {arguments} {document} body={body}";
        }
        catch (RpcFault fault)
        {
            return $"{stage} {fault.Code} {fault.Message}";
        }
        catch (Exception ex)
        {
            return $"{stage} {ex.GetType().Name} {ex.Message}";
        }
    }
}
