using System.ServiceModel;

namespace SoapMiddleware.ServiceModel.Tests.MessageContracts;

/// <summary>A request contract without members: an empty wrapper element.</summary>
[MessageContract]
public sealed class PeekRequest;
