using SoapMiddleware.Model;
using SoapMiddleware.ServiceModel.Contracts;
using static SoapMiddleware.ServiceModel.Tests.Contracts.RefusedMessageContracts;

namespace SoapMiddleware.ServiceModel.Tests.Contracts;

/// <summary>What a message contract may declare that the pipeline would not serve as WCF does is refused, naming member and attribute.</summary>
public sealed class MessageContractRefusalTests
{
    [Theory]
    [InlineData(typeof(IHeaderArray), "WithHeaderArray.Tags", "[MessageHeaderArray]")]
    [InlineData(typeof(IProperty), "WithProperty.Local", "[MessageProperty]")]
    [InlineData(typeof(IPocoBody), "WithPocoBody.Value [MessageBodyMember]", "without [DataContract]")]
    [InlineData(typeof(IPocoHeader), "WithPocoHeader.Value [MessageHeader]", "without [DataContract]")]
    [InlineData(typeof(IHeaderNamespace), "WithHeaderNamespace.Token", "[MessageHeader(Namespace = \"urn:other\")]")]
    [InlineData(typeof(IBodyNamespace), "WithBodyNamespace.Text", "[MessageBodyMember(Namespace = \"urn:other\")]")]
    [InlineData(typeof(IWrapperNamespace), "IWrapperNamespace.Send(request)", "[MessageContract(WrapperNamespace = \"urn:other\")]")]
    [InlineData(typeof(IUnwrappedTwo), "IUnwrappedTwo.Send(request)", "[MessageContract(IsWrapped = false)] (on 'UnwrappedTwo') with 2 body members")]
    [InlineData(typeof(IUnwrappedKnownType), "IUnwrappedKnownType.Send(request)", "with the body member 'Value' of the abstract or [KnownType] type 'WithKnownType'")]
    [InlineData(typeof(IUnwrappedPrimitive), "IUnwrappedPrimitive.Send(request)", "[MessageContract(IsWrapped = false)] (on 'UnwrappedPrimitive') with the body member 'Text'")]
    [InlineData(typeof(IGetOnlyBody), "GetOnlyBody.Value", "[MessageBodyMember]")]
    [InlineData(typeof(IBesideParameters), "IBesideParameters.Send(request)", "[MessageContract] (on 'Envelope') beside other parameters")]
    [InlineData(typeof(IPlainResult), "IPlainResult.Send (result)", "[MessageContract] (on 'Envelope') with a result that is not one")]
    [InlineData(typeof(IPlainParameters), "IPlainParameters.Get(id)", "[MessageContract] (on 'Envelope') with plain parameters")]
    [InlineData(typeof(INoParameters), "INoParameters.Get (result)", "[MessageContract] (on 'Envelope') returned by an operation without parameters")]
    [InlineData(typeof(INested), "Holder.Inner", "[MessageContract] (on 'Envelope')")]
    [InlineData(typeof(IHeaderNamedAsWrapper), "HeaderNamedAsWrapper.Token", "[MessageHeader] named 'HeaderNamedAsWrapper'")]
    [InlineData(typeof(IHeaderTypesClash), "OtherToken.Token", "[MessageHeader] named 'Token'")]
    public void Read_UnsupportedMessageContract_RefusedNamingMemberAndAttribute(Type contract, string member, string attribute)
    {
        var reader = new ServiceContractReader();

        var error = Assert.Throws<InvalidOperationException>(() => reader.Read(contract, new TypeModel(reader.NamespaceOf(contract))));

        Assert.True(error.Message.Contains($"'{member}", StringComparison.Ordinal) && error.Message.Contains(attribute, StringComparison.Ordinal), error.Message);
    }
}
