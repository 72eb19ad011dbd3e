using System.ServiceModel;
using SoapMiddleware.ServiceModel.Faults;
using SoapMiddleware.ServiceModel.Tests.Contracts;

namespace SoapMiddleware.ServiceModel.Tests.Faults;

public sealed class FaultTranslatorTests
{
    [Fact]
    public void Translate_TypedSenderFault_TypedClientFaultWithDetailAndSubcode()
    {
        var detail = new ItemFault { Id = 3, Problem = "p" };
        var fault = new FaultException<ItemFault>(detail, new FaultReason("why"), FaultCode.CreateSenderFaultCode(new FaultCode("Sub", "urn:x")), null);

        var translated = Assert.IsType<RpcFault<ItemFault>>(FaultTranslator.Translate(fault));

        Assert.Equal(RpcFaultCode.Client, translated.Code);
        Assert.Equal("why", translated.Message);
        Assert.Equal("Sub", translated.Subcode);
        Assert.Same(detail, translated.TypedDetail);
    }

    [Fact]
    public void Translate_DefaultFaultException_ClientWithoutSubcode()
    {
        var translated = Assert.IsType<RpcFault>(FaultTranslator.Translate(new FaultException("plain")));

        Assert.Equal(RpcFaultCode.Client, translated.Code);
        Assert.Equal("plain", translated.Message);
        Assert.Null(translated.Subcode);
    }

    [Fact]
    public void Translate_ReceiverCode_ServerFault()
    {
        var fault = new FaultException(new FaultReason("down"), new FaultCode("Receiver", new FaultCode("Down", "urn:x")), null);

        var translated = Assert.IsType<RpcFault>(FaultTranslator.Translate(fault));

        Assert.Equal(RpcFaultCode.Server, translated.Code);
        Assert.Equal("Down", translated.Subcode);
    }

    [Fact]
    public void Translate_CustomCode_ClientWithTheCodeAsSubcode()
    {
        var translated = Assert.IsType<RpcFault>(FaultTranslator.Translate(new FaultException(new FaultReason("x"), new FaultCode("QuotaExceeded", "urn:x"), null)));

        Assert.Equal(RpcFaultCode.Client, translated.Code);
        Assert.Equal("QuotaExceeded", translated.Subcode);
    }

    [Fact]
    public void Translate_OtherException_Unchanged()
    {
        var error = new InvalidOperationException("boom");

        Assert.Same(error, FaultTranslator.Translate(error));
    }
}
