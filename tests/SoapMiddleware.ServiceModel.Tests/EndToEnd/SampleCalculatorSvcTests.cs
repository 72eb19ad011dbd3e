using System.ServiceModel;
using System.Xml.Linq;
using SampleApp.Wcf;
using SoapMiddleware.ServiceModel.Tests.Infrastructure;

namespace SoapMiddleware.ServiceModel.Tests.EndToEnd;

/// <summary>A real WCF client (ChannelFactory, BasicHttpBinding and a SOAP 1.2 text binding) against the sample app's /Calculator.svc.</summary>
public sealed class SampleCalculatorSvcTests(SampleHost sample) : IClassFixture<SampleHost>
{
    private static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";
    private static readonly XNamespace WsdlSoap = "http://schemas.xmlsoap.org/wsdl/soap/";

    [Theory]
    [InlineData(WcfBindings.Soap11)]
    [InlineData(WcfBindings.Soap12)]
    public async Task EveryOperation_EightThreadsOneFactory_EveryResultChecked(string version)
    {
        var factory = WcfBindings.Factory<ICalculator>(version, sample.CalculatorSvc);
        try
        {
            await WcfBindings.OnEightThreadsAsync(factory, (calculator, thread) =>
            {
                for (var i = 0; i < 25; i++)
                {
                    var text = $"t{thread}-{i} <&> żółć";
                    Assert.Equal(text, calculator.Echo(text));
                    Assert.Equal(thread * 1000 + i, calculator.Add(thread * 1000, i));
                    Assert.Equal(int.MinValue, calculator.Add(int.MaxValue, 1));
                    Assert.Equal(-(thread + 7) / 2, calculator.Divide(-(thread + 7), 2));
                    var lines = (thread + i) % 5;
                    var order = calculator.GetOrder(thread * 100 + i, lines);
                    Assert.Equal(thread * 100 + i, order.Id);
                    Assert.Equal($"Customer {thread * 100 + i}", order.Customer);
                    Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), order.CreatedAt.ToUniversalTime());
                    Assert.Equal(lines, order.Lines.Length);
                    for (var l = 1; l <= lines; l++)
                    {
                        Assert.Equal($"SKU-{l}", order.Lines[l - 1].Sku);
                        Assert.Equal(l, order.Lines[l - 1].Quantity);
                        Assert.Equal(l * 1.25m, order.Lines[l - 1].Price);
                    }

                    var fault = Assert.Throws<FaultException<DivisionFault>>(() => calculator.Divide(thread + i, 0));
                    Assert.Equal(thread + i, fault.Detail.Dividend);
                    Assert.Equal("Division by zero", fault.Reason.ToString());
                    Assert.True(fault.Code.IsSenderFault);
                }

                return Task.CompletedTask;
            });
        }
        finally
        {
            factory.Close();
        }
    }

    [Fact]
    public void DivideByZero_Soap12_SenderWithSubcode()
    {
        var factory = WcfBindings.Factory<ICalculator>(WcfBindings.Soap12, sample.CalculatorSvc);
        var calculator = factory.CreateChannel();

        var fault = Assert.Throws<FaultException<DivisionFault>>(() => calculator.Divide(9, 0));

        Assert.True(fault.Code.IsSenderFault);
        Assert.Equal("DivideByZero", fault.Code.SubCode?.Name);
        Assert.Equal(9, fault.Detail.Dividend);
        factory.Close();
    }

    [Theory]
    [InlineData(WcfBindings.Soap11)]
    [InlineData(WcfBindings.Soap12)]
    public void GetOrder_LinesOutOfRange_PlainSenderFault(string version)
    {
        var factory = WcfBindings.Factory<ICalculator>(version, sample.CalculatorSvc);
        var calculator = factory.CreateChannel();

        var fault = Assert.Throws<FaultException>(() => calculator.GetOrder(1, -1));

        Assert.True(fault.Code.IsSenderFault);
        Assert.Equal("lines must be between 0 and 10000, got -1.", fault.Reason.ToString());
        factory.Close();
    }

    [Fact]
    public async Task Wsdl_DefaultWcfActionsAndDeclaredFault()
    {
        var wsdl = XDocument.Parse(await sample.Client.GetStringAsync("/Calculator.svc?wsdl"));

        Assert.Equal("http://example.com/calculator", wsdl.Root!.Attribute("targetNamespace")!.Value);
        var actions = wsdl.Descendants(WsdlSoap + "operation").Select(o => o.Attribute("soapAction")!.Value).ToHashSet();
        foreach (var operation in new[] { "Echo", "Add", "GetOrder", "Divide" })
        {
            Assert.Contains($"http://example.com/calculator/CalculatorService/{operation}", actions);
        }

        var divide = wsdl.Descendants(Wsdl + "portType").Elements(Wsdl + "operation").Single(o => o.Attribute("name")!.Value == "Divide");
        Assert.NotNull(divide.Element(Wsdl + "fault"));
    }
}
