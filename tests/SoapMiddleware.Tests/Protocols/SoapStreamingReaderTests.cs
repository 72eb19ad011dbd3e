using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Http;
using SoapMiddleware.Protocols.Soap;
using SoapMiddleware.Tests.Model;
using SoapMiddleware.Xml;

namespace SoapMiddleware.Tests.Protocols;

/// <summary>
/// The SOAP request path reads arguments straight from the bytes; the tree path (the whole request loaded into an
/// XDocument, then decomposed and deserialized, as every request was read before) is the oracle: same arguments,
/// same faults from the same stages, for a corpus of good and bad requests and for thousands of random mutations.
/// The fast UTF-8 reader is held to <see cref="XmlReader"/> node for node.
/// </summary>
public sealed class SoapStreamingReaderTests
{
    private const string Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    private static readonly XmlLimits Limits = new(64, 256, 64);
    private static readonly Lazy<RpcApplication> App = new(() => Build(_ => { }));
    private static readonly Lazy<RpcApplication> DeepApp = new(() => Build(o => o.MaxDepth = 300));

    [RpcService]
    public sealed class StreamingService
    {
        [RpcMethod]
        public int Add(int a, int b) => a + b;

        [RpcMethod]
        public string Echo(string text) => text;

        [RpcMethod]
        public void Optional(string? note, int count = 7, Color color = Color.Blue, int? maybe = null, Guid id = default) { }

        [RpcMethod]
        public int Check([Range(1, 1000)] int lines, [RegularExpression("[a-z]+")] string code) => lines;

        [RpcMethod]
        public void Named([Required] string? name, [StringLength(5)] string? tag, [MinLength(1), MaxLength(3)] int[]? items) { }

        [RpcMethod]
        public void Place(Order order) { }

        [RpcMethod]
        public void Walk(Node node) { }

        [RpcMethod]
        public void Strings(List<string?> values, string?[] array) { }

        [RpcMethod]
        public void Shape(Shapes shapes) { }

        [RpcMethod]
        public void Pin(Badge badge, Titles? titles) { }

        [RpcMethod]
        public void Draw(Figure figure, Figure[]? figures) { }

        [RpcMethod]
        public void Stamp(DateTime at, decimal amount, double ratio, bool flag, Color color) { }

        [RpcMethod]
        [RpcHeader(typeof(Customer), Required = true)]
        public int Secure(int a) => a;

        [RpcMethod]
        [RpcHeader(typeof(Customer))]
        public int Maybe(int a) => a;
    }

    public static TheoryData<string, string?> Corpus()
    {
        var data = new TheoryData<string, string?>();
        foreach (var (request, action) in CorpusCases())
        {
            data.Add(request, action);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Corpus_StreamingMatchesTree(string request, string? action)
    {
        var bytes = Encoding.UTF8.GetBytes(request);
        Assert.Equal(RunTree(App.Value, bytes, action), RunStreaming(App.Value, bytes, action));
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Corpus_FastReaderMatchesXmlReader(string request, string? action)
    {
        _ = action;
        AssertFastMatchesExact(Encoding.UTF8.GetBytes(request));
    }

    [Fact]
    public void Corpus_ValidRequestsTakeTheFastPath()
    {
        string[] plain =
        [
            Env("<t:Add><t:a>1</t:a><t:b>2</t:b></t:Add>"),
            Env("<t:Echo><t:text>a &amp; b &lt; c &#10;&#x1F600; é\r\n<![CDATA[<x>]]></t:text></t:Echo>"),
            Env("<Echo xmlns=\"urn:test\"><text>x</text></Echo>"),
            Env("<t:Named><t:name>n</t:name><t:items><t:int>1</t:int><t:int>2</t:int></t:items></t:Named>"),
            Env("<t:Optional xmlns:xsi=\"" + Xsi + "\"><t:note xsi:nil=\"true\"/></t:Optional>"),
            "\uFEFF<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n" + Env("<t:Add><t:a>1</t:a><t:b>2</t:b></t:Add>")[38..] + "\n",
        ];
        foreach (var request in plain)
        {
            var reader = Utf8XmlPullReader.Rent(Encoding.UTF8.GetBytes(request), Limits);
            try
            {
                while (reader.Read())
                {
                }
            }
            finally
            {
                Utf8XmlPullReader.Return(reader);
            }
        }
    }

    // Both readers read xsi:type the same way (Corpus_StreamingMatchesTree); here, what that way is.
    [Fact]
    public void KnownTypes_XsiTypeReadAsTheDerivedType_WrittenBackWithIt_UnknownIsAClientFault()
    {
        var figures = Env("<t:Draw xmlns:xsi=\"" + Xsi + "\" xmlns:f=\"urn:fig\"><t:figure xsi:type=\"t:Dot\"><t:Label>a</t:Label><t:X>1</t:X></t:figure>"
            + "<t:figures><t:Figure xsi:type=\"f:Box\"><t:Label>b</t:Label><f:Side>2</f:Side></t:Figure></t:figures></t:Draw>");
        var unknown = Env("<t:Draw xmlns:xsi=\"" + Xsi + "\"><t:figure xsi:type=\"t:Nope\"/></t:Draw>");
        var untyped = Env("<t:Draw><t:figure><t:Label>a</t:Label></t:figure></t:Draw>");

        var read = RunStreaming(App.Value, Encoding.UTF8.GetBytes(figures), null);

        Assert.StartsWith("ok Draw [Dot:a,{Box:b}]", read, StringComparison.Ordinal);

        // Written back (through the tree sink) with xsi:type, its prefix bound on the element itself.
        var written = XElement.Parse(read[read.IndexOf('<', StringComparison.Ordinal)..]);
        XNamespace t = "urn:test", xsi = Xsi;
        Assert.Equal(["Dot", "Box"], new[] { written.Element(t + "figure")!, written.Element(t + "figures")!.Elements().Single() }.Select(e =>
        {
            var value = (string)e.Attribute(xsi + "type")!;
            return e.GetNamespaceOfPrefix(value[..value.IndexOf(':', StringComparison.Ordinal)])!.NamespaceName == (value.EndsWith("Box", StringComparison.Ordinal) ? "urn:fig" : "urn:test")
                ? value[(value.IndexOf(':', StringComparison.Ordinal) + 1)..]
                : "wrong namespace";
        }));
        Assert.StartsWith("deserialize Client Element 'Draw/figure': xsi:type 't:Nope' ({urn:test}Nope) is not tns:Figure nor one of its known types (Box, Dot).",
            RunStreaming(App.Value, Encoding.UTF8.GetBytes(unknown), null), StringComparison.Ordinal);
        Assert.StartsWith("deserialize Client Element 'Draw/figure': tns:Figure is abstract", RunStreaming(App.Value, Encoding.UTF8.GetBytes(untyped), null), StringComparison.Ordinal);
    }

    [Fact]
    public void Mutations_StreamingMatchesTree_AndFastReaderMatchesXmlReader()
    {
        var random = new Random(20261122);
        var seeds = CorpusCases().Select(c => (Bytes: Encoding.UTF8.GetBytes(c.Request), c.Action)).ToArray();
        var fastAccepted = 0;
        for (var i = 0; i < 4000; i++)
        {
            var (seed, action) = seeds[random.Next(seeds.Length)];
            var mutated = Mutate(random, seed);
            var app = i % 7 == 0 ? DeepApp.Value : App.Value;
            var tree = RunTree(app, mutated, action);
            var streaming = RunStreaming(app, mutated, action);
            if (tree != streaming)
            {
                Assert.Fail($"Outcomes differ for:\n{Encoding.UTF8.GetString(mutated)}\ntree:      {tree}\nstreaming: {streaming}");
            }

            fastAccepted += AssertFastMatchesExact(mutated) ? 1 : 0;
        }

        // The mutations must exercise both readers, not only the fallback (most mutations break the document).
        Assert.InRange(fastAccepted, 100, 3900);
    }

    [Fact]
    public void NoListener_TreeIsNeverBuilt()
    {
        var context = NewContext(App.Value, Encoding.UTF8.GetBytes(Env("<t:Add><t:a>1</t:a><t:b>2</t:b></t:Add>")), null);
        var protocol = context.InProtocol!;

        protocol.CreateInDocument(context);
        protocol.DecomposeIncomingEnvelope(context);
        protocol.Deserialize(context);

        Assert.False(context.InDocumentTouched);
        Assert.Equal([1, 2], context.InObject);
        Assert.Equal("Add", context.Operation!.Name);
        Assert.NotNull(context.InBodyDocument);
        Assert.True(context.InDocumentTouched);
    }

    [Fact]
    public void LazyDocument_HasHeaderAndBodyOfTheRequest()
    {
        var header = "<c:Customer xmlns:c=\"urn:test\"><c:Code>ABC-1234</c:Code><c:Name>Ann</c:Name></c:Customer>";
        var context = NewContext(App.Value, Encoding.UTF8.GetBytes(Env("<t:Secure><t:a>5</t:a></t:Secure>", header)), null);
        var protocol = context.InProtocol!;
        protocol.CreateInDocument(context);
        protocol.DecomposeIncomingEnvelope(context);
        protocol.Deserialize(context);

        Assert.Equal(XName.Get("Envelope", Soap11), context.InDocument!.Root!.Name);
        Assert.Same(context.InDocument.Root, context.InBodyDocument!.Parent!.Parent);
        Assert.Same(context.InDocument.Root, context.InHeaderDocument!.Parent);
        Assert.Equal("ABC-1234", context.GetInHeader<Customer>()!.Code);
    }

    [Fact]
    public async Task BeforeDeserializeListener_SeesAndChangesTheDocument()
    {
        var app = Build(_ => { });
        string? seen = null;
        app.Events.AddListener(RpcEventNames.BeforeDeserialize, context =>
        {
            seen = context.InDocument!.Root!.Name.LocalName;
            context.InBodyDocument!.Elements().First().Value = "40";
        });
        app.Events.AddListener(RpcEventNames.AfterDeserialize, context => Assert.Equal("Add", context.InBodyDocument!.Name.LocalName));
        var context = NewContext(app, Encoding.UTF8.GetBytes(Env("<t:Add><t:a>1</t:a><t:b>2</t:b></t:Add>")), null);

        await app.Pipeline.GetInObject(context);

        Assert.Null(context.InError);
        Assert.Equal("Envelope", seen);
        Assert.Equal([40, 2], context.InObject);
    }

    [Fact]
    public async Task ExceptionListener_SeesTheDocumentOfARequestWithABadArgument()
    {
        var app = Build(_ => { });
        string? payload = null;
        app.Events.AddListener(RpcEventNames.MethodExceptionObject, context => payload = context.InBodyDocument?.ToString(SaveOptions.DisableFormatting));
        var context = NewContext(app, Encoding.UTF8.GetBytes(Env("<t:Add><t:a>x</t:a><t:b>2</t:b></t:Add>")), null);

        await app.Pipeline.GetInObject(context);

        Assert.Equal("Element 'Add/a': 'x' is not a valid xs:int.", context.InError!.Message);
        Assert.Equal("<t:Add xmlns:t=\"urn:test\"><t:a>x</t:a><t:b>2</t:b></t:Add>", payload);
    }

    [Fact]
    public void MalformedRequest_HasNoDocument()
    {
        var context = NewContext(App.Value, Encoding.UTF8.GetBytes(Env("<t:Add><t:a>1</t:a>")), null);

        var fault = Assert.Throws<RpcFault>(() => context.InProtocol!.CreateInDocument(context));

        Assert.StartsWith("The request is not well-formed XML: ", fault.Message);
        Assert.Null(context.InDocument);
    }

    [Theory]
    [InlineData(256, false)]
    [InlineData(257, true)]
    public void AttributesPerElement_LimitIsInclusive(int count, bool refused)
    {
        var attributes = string.Concat(Enumerable.Range(0, count - 1).Select(i => $" a{i}=\"1\""));
        var request = Env($"<t:Add xmlns:q=\"urn:q\"{attributes}><t:a>1</t:a><t:b>2</t:b></t:Add>");

        var outcome = RunStreaming(App.Value, Encoding.UTF8.GetBytes(request), null);

        Assert.StartsWith(refused ? "load Client The request has an element with more than the limit of 256 attributes." : "ok Add [1,2]", outcome);
    }

    [Fact]
    public void NamespaceDeclarationsPerElement_AreLimited()
    {
        var declarations = string.Concat(Enumerable.Range(0, 65).Select(i => $" xmlns:p{i}=\"urn:p\""));

        var outcome = RunStreaming(App.Value, Encoding.UTF8.GetBytes(Env($"<t:Add{declarations}><t:a>1</t:a><t:b>2</t:b></t:Add>")), null);

        Assert.Equal("load Client The request has an element with more than the limit of 64 namespace declarations.", outcome);
    }

    [Fact]
    public void DistinctNamespacesPerRequest_AreLimited_RedeclarationsAreFree()
    {
        var items = string.Concat(Enumerable.Range(0, 70).Select(i => $"<x{i} xmlns=\"urn:n{i}\"/>"));
        var same = string.Concat(Enumerable.Range(0, 500).Select(i => "<x xmlns=\"urn:same\"/>"));

        Assert.Equal("load Client The request declares more than the limit of 64 distinct namespaces.",
            RunStreaming(App.Value, Encoding.UTF8.GetBytes(Env($"<t:Add><t:a>1</t:a><t:b>2</t:b></t:Add><t:More>{items}</t:More>")), null));
        Assert.StartsWith("ok Add [1,2]",
            RunStreaming(App.Value, Encoding.UTF8.GetBytes(Env($"<t:Add><t:a>1</t:a><t:b>2</t:b></t:Add><t:More>{same}</t:More>")), null));
    }

    [Fact]
    public void Limits_AreTakenFromTheOptions()
    {
        var app = Build(o =>
        {
            o.MaxAttributesPerElement = 2;
            o.MaxNamespaceDeclarations = 3;
        });
        var request = Env("<t:Add x=\"1\" y=\"2\" z=\"3\"><t:a>1</t:a><t:b>2</t:b></t:Add>");

        Assert.Equal("load Client The request has an element with more than the limit of 2 attributes.", RunStreaming(app, Encoding.UTF8.GetBytes(request), null));
        Assert.Equal("load Client The request has an element with more than the limit of 2 attributes.", RunTree(app, Encoding.UTF8.GetBytes(request), null));
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    public void FloodScanner_FindsFloodsInEveryEncoding(string encoding)
    {
        var text = "<?xml version=\"1.0\"?><r" + string.Concat(Enumerable.Range(0, 300).Select(i => $" a{i}='v'")) + "/>";
        var bytes = Encoding.GetEncoding(encoding).GetBytes(text);

        var fault = Assert.Throws<RpcFault>(() => XmlFloodScanner.Check(bytes, Limits));

        Assert.Equal("The request has an element with more than the limit of 256 attributes.", fault.Message);
    }

    [Fact]
    public void Floods_AreRefusedQuickly_ByTheRequestReaderAndByTheTreeLoader()
    {
        var attributes = Encoding.UTF8.GetBytes(Env("<t:Add" + string.Concat(Enumerable.Range(0, 100_000).Select(i => $" a{i}=\"x\"")) + "/>"));
        var declarations = Encoding.UTF8.GetBytes(Env("<t:Add" + string.Concat(Enumerable.Range(0, 50_000).Select(i => $" xmlns:p{i}=\"urn:{i}\"")) + "/>"));
        var spread = Encoding.UTF8.GetBytes(Env("<t:Add/><t:Tail>" + string.Concat(Enumerable.Range(0, 50_000).Select(i => $"<x xmlns=\"urn:{i}\"/>")) + "</t:Tail>"));
        var reader = new SoapRequestReader(App.Value.Description, SoapVersion.Soap11);
        foreach (var flood in new[] { attributes, declarations, spread })
        {
            foreach (var read in new Action[] { () => reader.Read(flood, null, Limits), () => SecureXmlLoader.Load(flood, Limits) })
            {
                Assert.Throws<RpcFault>(read); // warm-up
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var fault = Assert.Throws<RpcFault>(read);
                var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);

                Assert.StartsWith("The request ", fault.Message);
                // Linear work takes milliseconds; a quadratic check of 50,000-100,000 items takes minutes. A second
                // keeps the test about that difference, not about how loaded the machine is (a loaded CI run took 133 ms).
                Assert.True(elapsed < TimeSpan.FromSeconds(1), $"{fault.Message} took {elapsed.TotalMilliseconds:0} ms.");
            }
        }
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("iso-8859-1")]
    public void OtherEncodings_TakeTheExactReader_WithTheSameResult(string encoding)
    {
        var text = Env("<t:Echo><t:text>é ü</t:text></t:Echo>").Replace("utf-8", encoding);
        var bytes = Encoding.GetEncoding(encoding).GetPreamble().Concat(Encoding.GetEncoding(encoding).GetBytes(text)).ToArray();

        Assert.Equal("ok Echo ['é ü'] <Echo xmlns=\"urn:test\"><text>é ü</text></Echo>", RunStreaming(App.Value, bytes, null));
        Assert.Equal(RunTree(App.Value, bytes, null), RunStreaming(App.Value, bytes, null));
    }

    [Fact]
    public void FloodScanner_CountsOnlyAttributes()
    {
        var equalsSigns = string.Concat(Enumerable.Repeat("a=b ", 400));
        var text = $"<?xml version=\"1.0\"?><!-- {equalsSigns} --><r x=\"{equalsSigns}>\" y='{equalsSigns}'><![CDATA[{equalsSigns}]]>{equalsSigns}<?pi {equalsSigns}?></r>";

        XmlFloodScanner.Check(Encoding.UTF8.GetBytes(text), Limits);
    }

    [Fact]
    public void FloodScanner_CountsNamespaceDeclarationsByName()
    {
        var lookalikes = string.Concat(Enumerable.Range(0, 100).Select(i => $" xmlnsx{i}='v' q:xmlns{i}='v'"));
        XmlFloodScanner.Check(Encoding.UTF8.GetBytes($"<r{lookalikes}/>"), new XmlLimits(64, 1000, 64));

        var declarations = string.Concat(Enumerable.Range(0, 65).Select(i => $" xmlns:p{i} = 'v'"));
        var fault = Assert.Throws<RpcFault>(() => XmlFloodScanner.Check(Encoding.UTF8.GetBytes($"<r{declarations}/>"), Limits));
        Assert.Equal("The request has an element with more than the limit of 64 namespace declarations.", fault.Message);
    }

    private static IEnumerable<(string Request, string? Action)> CorpusCases()
    {
        const string nil = " xmlns:xsi=\"" + Xsi + "\"";
        string[] bodies =
        [
            "<t:Add><t:a>1</t:a><t:b>2</t:b></t:Add>",
            "<t:Add>\n  <t:a> 7 </t:a>\n  <t:b>-2</t:b>\n</t:Add>",
            "<t:Add><t:a>abc</t:a><t:b>1</t:b></t:Add>",
            "<t:Add><t:a>2147483648</t:a><t:b>1</t:b></t:Add>",
            "<t:Add><t:a>1</t:a></t:Add>",
            "<t:Add><t:a>1</t:a><t:b>2</t:b><t:c>3</t:c></t:Add>",
            "<t:Add><t:a>1</t:a><t:a>1</t:a><t:b>2</t:b></t:Add>",
            "<t:Add" + nil + "><t:a xsi:nil=\"true\"/><t:b>2</t:b></t:Add>",
            "<t:Add><a xmlns=\"urn:other\">1</a><t:b>2</t:b></t:Add>",
            "<t:Add><a>1</a><b>2</b></t:Add>",
            "<t:Add><t:b>2</t:b><t:a>1</t:a></t:Add>",
            "<t:Add><t:a>1<t:x>2</t:x>3</t:a><t:b>2</t:b></t:Add>",
            "<t:Add><t:a><![CDATA[4]]>2</t:a><t:b>&#50;</t:b></t:Add>",
            "<t:Echo><t:text>a &amp; b &lt; c &gt; &quot; &apos; &#10;&#xD;&#x1F600;&#65;</t:text></t:Echo>",
            "<t:Echo><t:text>line\r\nbreak\rcr\n</t:text></t:Echo>",
            "<t:Echo><t:text><![CDATA[<not>&a;\r\n]]> and more</t:text></t:Echo>",
            "<t:Echo><t:text>é ü 日本 \U0001F600</t:text></t:Echo>",
            "<t:Echo><t:text>   </t:text></t:Echo>",
            "<t:Echo><t:text/></t:Echo>",
            "<t:Echo><t:text>a<!-- comment -->b<?pi x?>c</t:text></t:Echo>",
            "<t:Echo><t:text xml:space=\"preserve\">  x  </t:text></t:Echo>",
            "<t:Echo><t:text attr=\"a&#9;b\">x</t:text></t:Echo>",
            "<t:Echo><t:text>a]]>b</t:text></t:Echo>",
            "<t:Echo><t:text>&bogus;</t:text></t:Echo>",
            "<t:Echo><t:text>&#0;</t:text></t:Echo>",
            "<t:Echo><t:text>&#xD800;</t:text></t:Echo>",
            "<t:Optional" + nil + "><t:note xsi:nil=\"true\">ignored <x/></t:note></t:Optional>",
            "<t:Optional" + nil + "><t:note xsi:nil=\"1\"/><t:count>3</t:count><t:color>Red</t:color><t:maybe xsi:nil=\"true\"/></t:Optional>",
            "<t:Optional><t:color>Purple</t:color></t:Optional>",
            "<t:Optional><t:id>xyz</t:id></t:Optional>",
            "<t:Optional><t:id>6f9619ff-8b86-d011-b42d-00cf4fc964ff</t:id></t:Optional>",
            "<t:Optional/>",
            "<t:Check><t:lines>0</t:lines><t:code>abc</t:code></t:Check>",
            "<t:Check><t:lines>5</t:lines><t:code>ABC</t:code></t:Check>",
            "<t:Check><t:lines>5</t:lines><t:code>abc</t:code></t:Check>",
            "<t:Named><t:name>n</t:name><t:items><t:int>1</t:int><t:int>2</t:int></t:items></t:Named>",
            "<t:Named><t:name>  </t:name></t:Named>",
            "<t:Named><t:name>n</t:name><t:tag>abcdef</t:tag></t:Named>",
            "<t:Named><t:name>n</t:name><t:items/></t:Named>",
            "<t:Named><t:name>n</t:name><t:items><t:int>1</t:int><t:int>x</t:int><t:int>3</t:int><t:int>4</t:int></t:items></t:Named>",
            "<t:Named><t:name>n</t:name><t:items><t:int>1</t:int><t:int>x</t:int><t:int>y</t:int></t:items></t:Named>",
            "<t:Named><t:name>n</t:name><t:items><t:int>1</t:int><t:long>2</t:long></t:items></t:Named>",
            "<t:Named" + nil + "><t:name>n</t:name><t:items><t:int xsi:nil=\"true\"/></t:items></t:Named>",
            "<t:Named><t:name>n</t:name><t:items> <t:int>1</t:int> text <t:int>2</t:int> </t:items></t:Named>",
            "<t:Place><t:order><t:Id>1</t:Id><t:Customer>Ann</t:Customer><t:Lines><t:OrderLine><t:Product>a</t:Product><t:Quantity>1</t:Quantity><t:Price>1.5</t:Price></t:OrderLine>"
                + "<t:OrderLine><t:Product>b</t:Product><t:Quantity>0</t:Quantity><t:Price>1</t:Price></t:OrderLine></t:Lines><t:Color>Red</t:Color></t:order></t:Place>",
            "<t:Place><t:order><t:Id>1</t:Id><t:Customer>Ann</t:Customer><t:Lines><t:OrderLine><t:Product>a</t:Product><t:Quantity>2</t:Quantity><t:Price>1.5</t:Price></t:OrderLine></t:Lines>"
                + "<t:Color>Green</t:Color><t:ShippedAt>2024-01-02T03:04:05Z</t:ShippedAt><t:Note>n</t:Note></t:order></t:Place>",
            "<t:Place><t:order><t:Id>1</t:Id><t:Customer>A</t:Customer></t:order></t:Place>",
            "<t:Place><t:order><t:Id>1</t:Id></t:order></t:Place>",
            "<t:Place><t:order><t:Id>1</t:Id><t:Customer>Ann</t:Customer><t:Lines><t:OrderLine><t:Product>a</t:Product><t:Quantity>2</t:Quantity><t:Price>x</t:Price><t:Extra/></t:OrderLine></t:Lines><t:Color>Blue</t:Color></t:order></t:Place>",
            "<t:Place><t:order><t:Id>1</t:Id><t:Customer>Ann</t:Customer><t:Lines><t:OrderLine><t:Product>a</t:Product><t:Quantity>2</t:Quantity><t:Price>1</t:Price></t:OrderLine></t:Lines><t:Color>Pink</t:Color></t:order></t:Place>",
            "<t:Walk><t:node><t:Name>a</t:Name><t:Next><t:Name>b</t:Name></t:Next><t:Children><t:Node><t:Name>c</t:Name></t:Node></t:Children></t:node></t:Walk>",
            "<t:Walk>" + string.Concat(Enumerable.Repeat("<t:node><t:Next>", 40)) + string.Concat(Enumerable.Repeat("</t:Next></t:node>", 40)) + "</t:Walk>",
            "<t:Walk><t:node>" + string.Concat(Enumerable.Repeat("<t:Next>", 70)) + string.Concat(Enumerable.Repeat("</t:Next>", 70)) + "</t:node></t:Walk>",
            "<t:Strings" + nil + "><t:values><t:string>a</t:string><t:string xsi:nil=\"true\"/></t:values><t:array><t:string/></t:array></t:Strings>",
            "<t:Shape><t:shapes><t:Array><t:int>1</t:int></t:Array><t:Nested><t:ArrayOfInt><t:int>1</t:int><t:int>2</t:int></t:ArrayOfInt><t:ArrayOfInt/></t:Nested>"
                + "<t:NullableItems xmlns:xsi=\"" + Xsi + "\"><t:int>1</t:int><t:int xsi:nil=\"true\"/></t:NullableItems><t:Sequence><t:Color>Red</t:Color></t:Sequence></t:shapes></t:Shape>",
            "<t:Shape><t:shapes><t:Nested><t:ArrayOfInt><t:int>1</t:int><t:int>z</t:int></t:ArrayOfInt><t:Wrong/></t:Nested></t:shapes></t:Shape>",
            "<t:Pin><t:badge id=\"1\" tint=\"Red\" Label=\"l\"><t:Note>n</t:Note><t:Weight>1</t:Weight></t:badge><t:titles><t:title>a</t:title><t:title/></t:titles></t:Pin>",
            "<t:Pin><t:badge id=\"x\" tint=\"Red\"><t:Weight>1</t:Weight></t:badge></t:Pin>",
            "<t:Pin><t:badge tint=\"Red\" Label=\"a&amp;b\"><t:Weight>1</t:Weight></t:badge></t:Pin>",
            "<t:Pin><t:badge id=\"1\" tint=\"Red\" t:Label=\"q\"><t:id>2</t:id></t:badge></t:Pin>",
            "<t:Pin><t:badge id=\"1\" tint=\"Red\" Label=\"far too long\"><t:Weight>1</t:Weight></t:badge></t:Pin>",
            "<t:Pin><t:badge id=\"1\" tint=\"Red\"><t:Weight>1</t:Weight></t:badge><t:titles><t:title>a</t:title><t:string>b</t:string></t:titles></t:Pin>",
            "<t:Stamp><t:at>2024-01-02T03:04:05.123+02:00</t:at><t:amount>-12.50</t:amount><t:ratio>1e3</t:ratio><t:flag>true</t:flag><t:color>Green</t:color></t:Stamp>",
            "<t:Stamp><t:at>yesterday</t:at><t:amount>1</t:amount><t:ratio>1</t:ratio><t:flag>1</t:flag><t:color>Red</t:color></t:Stamp>",
            // xsi:type: known types (one in another namespace), prefixes declared on an ancestor or the element itself,
            // unknown, undeclared and missing ones (the declared type is abstract).
            "<t:Draw" + nil + " xmlns:f=\"urn:fig\"><t:figure xsi:type=\"t:Dot\"><t:Label>a</t:Label><t:X>1</t:X></t:figure><t:figures><t:Figure xsi:type=\"f:Box\"><t:Label>b</t:Label><f:Side>2</f:Side></t:Figure>"
                + "<t:Figure xmlns:q=\"urn:test\" xsi:type=\" q:Dot \"><t:X>3</t:X></t:Figure><t:Figure xsi:nil=\"true\"/></t:figures></t:Draw>",
            "<t:Draw" + nil + "><t:figure xsi:type=\"t:Nope\"><t:Label>a</t:Label></t:figure></t:Draw>",
            "<t:Draw" + nil + "><t:figure xsi:type=\"zz:Dot\"><t:Label>a</t:Label></t:figure></t:Draw>",
            "<t:Draw" + nil + "><t:figure xsi:type=\"Dot\"><t:Label>a</t:Label></t:figure></t:Draw>",
            "<t:Draw" + nil + "><t:figure xsi:type=\"t:Figure\"><t:Label>a</t:Label></t:figure></t:Draw>",
            "<t:Draw><t:figure><t:Label>a</t:Label></t:figure></t:Draw>",
            "<t:Draw" + nil + "><t:figure xsi:type=\"t:Dot\"><t:Label>a</t:Label><t:Side>1</t:Side></t:figure></t:Draw>",
            "<t:Draw" + nil + " xmlns:f=\"urn:fig\"><t:figure xsi:type=\"f:Box\"><f:Side>1</f:Side><t:Label>a</t:Label></t:figure></t:Draw>",
            "<t:Multiply><t:a>1</t:a></t:Multiply>",
            "<o:Add xmlns:o=\"urn:other\"><o:a>1</o:a><o:b>2</o:b></o:Add>",
            "<t:Add><t:a>1</t:a><t:b>2</t:b></t:Add><t:Ignored><t:deep>x</t:deep></t:Ignored>",
            "<t:Add><t:a>x</t:a><t:b>2</t:b></t:Add><t:Ignored/>",
            "<t:Add xmlns:p=\"urn:p\" p:x=\"1\" x=\"2\"><t:a>1</t:a><t:b>2</t:b></t:Add>",
            "<t:Add x=\"1\" x=\"2\"><t:a>1</t:a><t:b>2</t:b></t:Add>",
            "<t:Add xmlns:p=\"urn:t\" xmlns:q=\"urn:t\" p:x=\"1\" q:x=\"2\"><t:a>1</t:a><t:b>2</t:b></t:Add>",
            "<t:Add><u:a>1</u:a><t:b>2</t:b></t:Add>",
            "<t:Add><t:a>1</t:b><t:b>2</t:b></t:Add>",
            "<t:Add><t:a>1</t:a><t:b>2</t:b>",
            "<t:Add><t:a>1</t:a><t:b>2</t:b></t:Add",
            "<t:Add><t:a>1</t:a ><t:b\n>2</t:b\t></t:Add  >",
            "<t:Add ><t:a\r\n>1</t:a><t:b x = 'y' >2</t:b></t:Add>",
            "<t:Add xmlns:p=\"\"><t:a>1</t:a><t:b>2</t:b></t:Add>",
            "<t:Add xmlns=\"\"><t:a>1</t:a><b>2</b></t:Add>",
            "<t:Add><t:a>1</t:a><t:b>2</t:b></t:Add>\u0001",
            "<t:Add x=\"a>b\" y='c\"d'><t:a>1</t:a><t:b>2</t:b></t:Add>",
            "<t:Echo><t:text>a > b ]] c &#x4A;&#x4a;&#0065;</t:text></t:Echo>",
            "<t:Echo><t:text>&#X41;</t:text></t:Echo>",
            "<t:Echo><t:text>&#13;&#10;\r&#10;a\r<![CDATA[\nb\r]]>\r</t:text></t:Echo>",
            "<t:Echo><t:text>\u0085\u007F\uFDD0\u00A0</t:text></t:Echo>",
            "<t:Echo><t:text>" + string.Concat(Enumerable.Repeat("long &amp; text é \r\n", 100)) + "</t:text></t:Echo>",
            "<t:Echo><t:text>" + string.Concat(Enumerable.Repeat("<x>", 60)) + "y" + string.Concat(Enumerable.Repeat("</x>", 60)) + "</t:text></t:Echo>",
            "<t:Echo><t:text>" + string.Concat(Enumerable.Repeat("<x>", 61)) + "y" + string.Concat(Enumerable.Repeat("</x>", 61)) + "</t:text></t:Echo>",
            "<t:Add><t:a.b-c1/><t:a>1</t:a><t:b>2</t:b></t:Add>",
            "<p:Add xmlns:p=\"urn:test\"><p:a>1</p:a><b xmlns=\"urn:test\">2</b></p:Add>",
            "<t:Add xmlns:p=\"urn:a\" xmlns:p=\"urn:b\"><t:a>1</t:a><t:b>2</t:b></t:Add>",
            "<t:Add xmlns:xml=\"http://www.w3.org/XML/1998/namespace\"><t:a>1</t:a><t:b>2</t:b></t:Add>",
            "<t:Add xmlns:p=\"http://www.w3.org/2000/xmlns/\"><t:a>1</t:a><t:b>2</t:b></t:Add>",
            "<t:Add><t:a>1</t:a><t:b>2</t:b></t:Add><t:Extra xmlns:t=\"urn:other\"><t:x/></t:Extra>",
        ];
        foreach (var body in bodies)
        {
            yield return (Env(body), null);
        }

        var customer = "<c:Customer xmlns:c=\"urn:test\"><c:Code>ABC-1234</c:Code><c:Name>Ann</c:Name></c:Customer>";
        yield return (Env("<t:Secure><t:a>5</t:a></t:Secure>", customer), null);
        yield return (Env("<t:Secure><t:a>5</t:a></t:Secure>"), null);
        yield return (Env("<t:Secure><t:a>5</t:a></t:Secure>", "<c:Customer xmlns:c=\"urn:test\"><c:Code>abc</c:Code><c:Name>Ann</c:Name></c:Customer>"), null);
        yield return (Env("<t:Secure><t:a>x</t:a></t:Secure>", "<Customer><Code>ABC-1234</Code><Name>Ann</Name><Level>4</Level></Customer>"), null);
        yield return (Env("<t:Maybe><t:a>5</t:a></t:Maybe>", customer), null);
        yield return (Env("<t:Maybe><t:a>5</t:a></t:Maybe>"), null);
        yield return (Env("<t:Add><t:a>1</t:a><t:b>2</t:b></t:Add>", "<x:Security xmlns:x=\"urn:other\" soap:mustUnderstand=\"1\">secret</x:Security>"), null);
        yield return (Env("<t:Add><t:a>1</t:a><t:b>2</t:b></t:Add>", "<x:Security xmlns:x=\"urn:other\" soap:mustUnderstand=\"1\" soap:actor=\"urn:someone-else\">secret</x:Security>"), null);
        yield return (Env("<t:Add><t:a>1</t:a><t:b>2</t:b></t:Add>", "<x:Security xmlns:x=\"urn:other\" soap:mustUnderstand=\"true\" soap:actor=\"http://schemas.xmlsoap.org/soap/actor/next\"/>"), null);
        yield return (Env("<t:Maybe><t:a>x</t:a></t:Maybe>", "<x:Security xmlns:x=\"urn:other\" soap:mustUnderstand=\"1\"/>"), null);
        yield return (Env("<t:Add><t:a>1</t:a><t:b>2</t:b></t:Add>", "<x:Trace xmlns:x=\"urn:other\">1</x:Trace>"), null);

        yield return (Env("<t:Add><t:a>1</t:a><t:b>2</t:b></t:Add>"), "\"urn:test/StreamingService/Add\"");
        yield return (Env("<t:Add><t:a>1</t:a><t:b>2</t:b></t:Add>"), " urn:test/StreamingService/Add ");
        yield return (Env("<t:Echo><t:text>x</t:text></t:Echo>"), "\"urn:test/StreamingService/Add\"");
        yield return (Env("<t:Add><t:a>1</t:a><t:b>2</t:b></t:Add>"), "\"urn:unknown\"");
        yield return (Env("<t:Add><t:a>1</t:a><t:b>2</t:b></t:Add>"), "\"\"");

        const string open = "<soap:Envelope xmlns:soap=\"" + Soap11 + "\" xmlns:t=\"urn:test\">";
        const string add = "<t:Add><t:a>1</t:a><t:b>2</t:b></t:Add>";
        yield return (open + "<soap:Body>" + add + "</soap:Body><soap:Extra/></soap:Envelope>", null);
        yield return (open + "<soap:Body><t:Add><t:a>x</t:a><t:b>2</t:b></t:Add></soap:Body><soap:Extra/></soap:Envelope>", null);
        yield return (open + "<soap:Body>" + add + "</soap:Body><soap:Header/></soap:Envelope>", null);
        yield return (open + "<soap:Header/><soap:Header/><soap:Body>" + add + "</soap:Body></soap:Envelope>", null);
        yield return (open + "<soap:Body/></soap:Envelope>", null);
        yield return (open + "<soap:Body> text only </soap:Body></soap:Envelope>", null);
        yield return (open + "</soap:Envelope>", null);
        yield return (open + " text <!-- c --> <soap:Body>" + add + "</soap:Body> tail </soap:Envelope>", null);
        yield return (open.Replace("/>", ">") + "<soap:Body>" + add + "</soap:Body></soap:Envelope><!-- after --> \n", null);
        yield return ("<soap:Envelope xmlns:soap=\"" + Soap11 + "\"/>", null);
        yield return ("<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:t=\"urn:test\"><env:Body>" + add + "</env:Body></env:Envelope>", null);
        yield return ("<hello/>", null);
        yield return ("<Envelope xmlns=\"urn:x\"><Body/></Envelope>", null);
        yield return ("<?xml version=\"1.1\"?>" + open + "<soap:Body>" + add + "</soap:Body></soap:Envelope>", null);
        yield return ("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>" + open + "<soap:Body>" + add + "</soap:Body></soap:Envelope>", null);
        yield return (" <?xml version=\"1.0\"?>" + open + "<soap:Body>" + add + "</soap:Body></soap:Envelope>", null);
        yield return ("<!DOCTYPE x [<!ENTITY e \"v\">]>" + open + "<soap:Body>" + add + "</soap:Body></soap:Envelope>", null);
        yield return (open + "<soap:Body>" + add + "</soap:Body></soap:Envelope><second/>", null);
        yield return (open + "<soap:Body>" + add + "</soap:Body></soap:Envelope>trailing", null);
        yield return (open + "<soap:Body><t:Echo><t:text>" + string.Concat(Enumerable.Repeat("<x>", 70)) + string.Concat(Enumerable.Repeat("</x>", 70)) + "</t:text></t:Echo></soap:Body></soap:Envelope>", null);
        yield return (open + "<soap:Body>" + add + "<t:Later>" + string.Concat(Enumerable.Repeat("<x>", 70)) + string.Concat(Enumerable.Repeat("</x>", 70)) + "</t:Later></soap:Body></soap:Envelope>", null);
        yield return ("<?xml version='1.0'?>\n\n" + open + "<soap:Body>" + add + "</soap:Body></soap:Envelope>", null);
        yield return ("<?xml  version = \"1.0\"   encoding = 'UTF-8' ?>" + open + "<soap:Body>" + add + "</soap:Body></soap:Envelope>", null);
        yield return ("<?xml version=\"1.0\" standalone=\"maybe\"?>" + open + "<soap:Body>" + add + "</soap:Body></soap:Envelope>", null);
        yield return ("<?xml version=\"1.0\"encoding=\"utf-8\"?>" + open + "<soap:Body>" + add + "</soap:Body></soap:Envelope>", null);
        yield return ("<?xml version=\"1.0\" encoding=\"UTF8\"?>" + open + "<soap:Body>" + add + "</soap:Body></soap:Envelope>", null);
        yield return ("\uFEFF" + open + "<soap:Body>" + add + "</soap:Body></soap:Envelope>", null);
        yield return ("<?xml version=\"1.0\"?><!-- first -->" + open + "<soap:Body>" + add + "</soap:Body></soap:Envelope>", null);
        yield return ("", null);
        yield return ("   ", null);
    }

    private static string Env(string body, string? header = null)
        => "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"" + Soap11 + "\" xmlns:t=\"urn:test\">"
           + (header is null ? "" : "<soap:Header>" + header + "</soap:Header>") + "<soap:Body>" + body + "</soap:Body></soap:Envelope>";

    /// <summary>An application serving <see cref="StreamingService"/> in <c>urn:test</c> (also the JSON direct reader's tests).</summary>
    internal static RpcApplication Build(Action<RpcOptions> configure)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddRpc(o =>
        {
            o.Namespace = "urn:test";
            configure(o);
        }).AddService<StreamingService>();
        return services.BuildServiceProvider().GetRequiredService<RpcApplication>();
    }

    private static MethodContext NewContext(RpcApplication app, byte[] bytes, string? action)
        => app.CreateContext(new HttpRpcTransport(new DefaultHttpContext()), new ServiceCollection().BuildServiceProvider(), bytes, "text/xml; charset=utf-8", action, default);

    /// <summary>The request path as it runs now.</summary>
    private static string RunStreaming(RpcApplication app, byte[] bytes, string? action)
    {
        var context = NewContext(app, bytes, action);
        return Run(app, context, () => context.InProtocol!.CreateInDocument(context));
    }

    /// <summary>The oracle: the whole request loaded into a tree first, then decomposed and deserialized from it.</summary>
    private static string RunTree(RpcApplication app, byte[] bytes, string? action)
    {
        var context = NewContext(app, bytes, action);
        return Run(app, context, () => context.InDocument = SecureXmlLoader.Load(bytes, XmlLimits.From(app.Options)));
    }

    private static string Run(RpcApplication app, MethodContext context, Action load)
    {
        var stage = "load";
        try
        {
            load();
            stage = "decompose";
            context.InProtocol!.DecomposeIncomingEnvelope(context);
            stage = "deserialize";
            context.InProtocol.Deserialize(context);
            var operation = context.Operation!;
            var arguments = app.Serializer.WriteMessage(operation.Request, context.InObject!).ToString(SaveOptions.DisableFormatting);
            return $"ok {operation.Name} {Render(context.InObject!)} {arguments} {context.GetInHeader<Customer>()}".TrimEnd();
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

    private static string Render(object?[] values)
        => "[" + string.Join(",", values.Select(v => v switch
        {
            null => "null",
            string s => "'" + s + "'",
            System.Collections.IEnumerable e => "{" + string.Join(",", e.Cast<object?>()) + "}",
            _ => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture),
        })) + "]";

    /// <summary>Holds the fast reader to the exact one; returns whether the fast reader took the document.</summary>
    private static bool AssertFastMatchesExact(byte[] bytes)
    {
        string? fast;
        var reader = Utf8XmlPullReader.Rent(bytes, Limits);
        try
        {
            fast = Dump(reader);
        }
        catch (XmlFastPathException)
        {
            fast = null;
        }
        finally
        {
            Utf8XmlPullReader.Return(reader);
        }

        string exact;
        try
        {
            using var guarded = new GuardedXmlReader(bytes, Limits);
            exact = Dump(guarded);
        }
        catch (Exception ex) when (ex is XmlException or RpcFault)
        {
            Assert.True(fast is null, $"The fast reader took a document XmlReader refuses ({ex.Message}):\n{Encoding.UTF8.GetString(bytes)}");
            return false;
        }

        if (fast is not null && fast != exact)
        {
            Assert.Fail($"The readers differ on:\n{Encoding.UTF8.GetString(bytes)}\nfast:\n{fast}\nexact:\n{exact}");
        }

        return fast is not null;
    }

    private static string Dump(XmlPullReader reader)
    {
        var text = new StringBuilder();
        while (reader.Read())
        {
            text.Append(reader.NodeType).Append(' ').Append(reader.Depth);
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    text.Append(" {").Append(reader.NamespaceURI).Append('}').Append(reader.LocalName).Append(reader.IsEmptyElement ? " empty" : "");
                    for (var i = 0; i < reader.AttributeCount; i++)
                    {
                        text.Append(' ').Append(reader.CreateAttribute(i).ToString());
                    }

                    text.Append(" nil=").Append(reader.GetAttribute("nil", Xsi));
                    break;
                case XmlNodeType.Text:
                    text.Append(" '").Append(reader.Value.Replace("\r", "\\r").Replace("\n", "\\n")).Append('\'');
                    break;
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static readonly string[] Tokens =
    [
        "<", ">", "/", "/>", "=", "\"", "'", "&", "&amp;", "&#10;", "&#xD;", "&#x1F600;", "&lt;", "&bogus;", "&#0;", "]]>", "]]",
        "<![CDATA[x\r\n]]>", "<!--c-->", "<?pi x?>", "\r\n", "\r", "\n", "\t", " ", "é", "日", "\u00A0", "\u0001", "\uFFFE", "\U0001F600",
        " xmlns:q=\"urn:q\"", " xmlns=\"urn:test\"", " xmlns=\"\"", "q:", "t:", "xsi:", " xsi:nil=\"true\"", " xmlns:xsi=\"" + Xsi + "\"",
        " a=\"1\"", " a='1'", ":", "a", "1", "-1", "x", "999999999999", "<x/>", "</x>", "<t:a>1</t:a>", "<t:int>5</t:int>", "<soap:Body>",
        "</soap:Body>", "<soap:Header/>", "xml", "xmlns", "<?xml version=\"1.0\"?>", "\uFEFF",
    ];

    private static byte[] Mutate(Random random, byte[] seed)
    {
        var text = Encoding.UTF8.GetString(seed);
        var edits = random.Next(1, 3);
        for (var e = 0; e < edits && text.Length > 0; e++)
        {
            var at = random.Next(text.Length + 1);
            switch (random.Next(4))
            {
                case 0:
                    text = text.Remove(Math.Min(at, text.Length - 1), Math.Min(random.Next(1, 6), text.Length - Math.Min(at, text.Length - 1)));
                    break;
                case 1:
                    text = text.Insert(at, Tokens[random.Next(Tokens.Length)]);
                    break;
                case 2:
                    var index = Math.Min(at, text.Length - 1);
                    text = text.Remove(index, 1).Insert(index, Tokens[random.Next(Tokens.Length)]);
                    break;
                default:
                    // Duplicate a slice elsewhere: repeated elements, attributes, declarations.
                    var start = random.Next(text.Length);
                    var length = Math.Min(random.Next(1, 40), text.Length - start);
                    text = text.Insert(at, text.Substring(start, length));
                    break;
            }
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        if (random.Next(40) == 0 && bytes.Length > 0)
        {
            bytes[random.Next(bytes.Length)] = (byte)random.Next(256); // raw bytes: invalid UTF-8 too
        }

        return bytes;
    }
}
