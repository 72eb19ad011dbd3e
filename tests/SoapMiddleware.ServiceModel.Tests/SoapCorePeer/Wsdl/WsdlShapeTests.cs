using Xunit.Abstractions;

namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer.Wsdl;

/// <summary>
/// The WSDL comparison itself, on SoapCore's real WSDL: it must ignore what clients ignore (prefixes, message names,
/// the address's host) and catch what they depend on (soapActions, element order, types, occurrence).
/// </summary>
public sealed class WsdlShapeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Parse_SoapCoreWsdl_DescribesEveryOperation()
    {
        var wsdl = await SoapCoreWsdlAsync();

        var facts = WsdlShape.Parse(wsdl).Facts;
        foreach (var fact in facts)
        {
            output.WriteLine(fact);
        }

        foreach (var operation in new[] { "Echo", "Add", "GetOrder", "Divide" })
        {
            Assert.Contains($"binding soap11 operation {operation} soapAction=http://example.com/calculator/CalculatorService/{operation} style=document", facts);
            Assert.Contains($"portType operation {operation} input = part parameters element=tns:{operation}", facts);
            Assert.Contains($"portType operation {operation} output = part parameters element=tns:{operation}Response", facts);
        }

        Assert.Contains("element tns:Add sequence[1] b: xsd:int [1..1]", facts);
        Assert.Contains("complexType tns:Order sequence[3] Lines: tns:ArrayOfOrderLine [0..1] nillable", facts);
        Assert.Contains("portType operation Divide fault DivisionFaultFault = part detail element=tns:DivisionFault", facts);
        Assert.Contains("definitions targetNamespace=http://example.com/calculator", facts);
        Assert.Contains("service port soap11 path=/Calculator.svc", facts);
    }

    [Fact]
    public async Task Compare_SameWsdlWithOtherPrefixesMessageNamesAndHost_NoDifference()
    {
        var wsdl = await SoapCoreWsdlAsync();
        var renamed = wsdl
            .Replace("xmlns:tns=", "xmlns:c=", StringComparison.Ordinal).Replace("\"tns:", "\"c:", StringComparison.Ordinal)
            .Replace("xmlns:xs=", "xmlns:x=", StringComparison.Ordinal).Replace("<xs:", "<x:", StringComparison.Ordinal)
            .Replace("</xs:", "</x:", StringComparison.Ordinal).Replace("\"xs:", "\"x:", StringComparison.Ordinal)
            .Replace("_InputMessage", "_In", StringComparison.Ordinal).Replace("_OutputMessage", "_Out", StringComparison.Ordinal)
            .Replace("_FaultMessage", "_F", StringComparison.Ordinal)
            .Replace("http://127.0.0.1:", "http://calc.example.com:", StringComparison.Ordinal);
        Assert.NotEqual(wsdl, renamed);

        var differences = WsdlComparison.Compare(WsdlShape.Parse(wsdl), WsdlShape.Parse(renamed), []);

        Assert.Empty(differences);
    }

    [Fact]
    public async Task Compare_ChangedSoapActionAndMemberType_ReportedNotAllowed()
    {
        var wsdl = await SoapCoreWsdlAsync();
        var changed = wsdl
            .Replace("CalculatorService/Add\"", "CalculatorService/Plus\"", StringComparison.Ordinal)
            .Replace("name=\"Sku\" nillable=\"true\" type=\"xs:string\"", "name=\"Sku\" nillable=\"true\" type=\"xs:token\"", StringComparison.Ordinal);

        var differences = WsdlComparison.Compare(WsdlShape.Parse(wsdl), WsdlShape.Parse(changed), [
            new WsdlAllowance("ours", "element tns:Echo .*", "never matches anything changed here"),
        ]);
        foreach (var difference in differences)
        {
            output.WriteLine(difference.ToString());
        }

        // soapAction and wsam:Action of Add, and Sku's type, each once per side.
        Assert.Equal(6, differences.Count);
        Assert.All(differences, d => Assert.Null(d.Allowance));
        Assert.Contains(differences, d => d.OnlyIn == "ours" && d.Fact == "binding soap11 operation Add soapAction=http://example.com/calculator/CalculatorService/Plus style=document");
        Assert.Contains(differences, d => d.OnlyIn == "ours" && d.Fact == "portType operation Add input wsam:Action=http://example.com/calculator/CalculatorService/Plus");
        Assert.Contains(differences, d => d.OnlyIn == "SoapCore" && d.Fact == "complexType tns:OrderLine sequence[0] Sku: xsd:string [0..1] nillable");
        Assert.Contains(differences, d => d.OnlyIn == "ours" && d.Fact == "complexType tns:OrderLine sequence[0] Sku: xsd:token [0..1] nillable");
    }

    [Fact]
    public async Task Compare_AllowListedDifference_CarriesItsReason()
    {
        var wsdl = await SoapCoreWsdlAsync();
        var renamed = wsdl.Replace("<wsdl:service name=\"CalculatorService\">", "<wsdl:service name=\"Calc\">", StringComparison.Ordinal);

        var differences = WsdlComparison.Compare(WsdlShape.Parse(wsdl), WsdlShape.Parse(renamed), [
            new WsdlAllowance("ours", "service name=\\w+", "a renamed service"),
        ]);

        // The allowance covers the fact on its side only: SoapCore's name is still reported.
        Assert.Equal(2, differences.Count);
        Assert.Equal("a renamed service", Assert.Single(differences, d => d.OnlyIn == "ours").Allowance?.Reason);
        Assert.Null(Assert.Single(differences, d => d.OnlyIn == "SoapCore").Allowance);
    }

    [Fact]
    public async Task Compare_AllowanceWithCounterpart_AllowsOnlyWhenTheOtherSideHasIt()
    {
        var wsdl = await SoapCoreWsdlAsync();
        var looser = wsdl.Replace("minOccurs=\"1\" name=\"text\"", "minOccurs=\"0\" name=\"text\"", StringComparison.Ordinal);
        var renamed = wsdl.Replace("minOccurs=\"1\" name=\"text\"", "minOccurs=\"1\" name=\"words\"", StringComparison.Ordinal);

        var whenLooser = WsdlComparison.Compare(WsdlShape.Parse(wsdl), WsdlShape.Parse(looser), SoapCoreWsdlAllowList.Entries);
        var whenRenamed = WsdlComparison.Compare(WsdlShape.Parse(wsdl), WsdlShape.Parse(renamed), SoapCoreWsdlAllowList.Entries);

        // minOccurs 1 against 0 on the same nillable part is a listed difference, on both sides.
        Assert.Equal(2, whenLooser.Count);
        Assert.All(whenLooser, d => Assert.NotNull(d.Allowance));
        // The same pattern does not excuse a part that the other side lacks.
        Assert.Contains(whenRenamed, d => d.OnlyIn == "SoapCore" && d.Fact == "element tns:Echo sequence[0] text: xsd:string [1..1] nillable" && d.Allowance is null);
        Assert.Contains(whenRenamed, d => d.OnlyIn == "ours" && d.Fact == "element tns:Echo sequence[0] words: xsd:string [1..1] nillable" && d.Allowance is null);
    }

    private static async Task<string> SoapCoreWsdlAsync()
    {
        await using var host = await SoapCoreHost.StartAsync<SampleApp.Wcf.ICalculator, SampleApp.Wcf.Calculator>();
        return await host.GetWsdlAsync();
    }
}
