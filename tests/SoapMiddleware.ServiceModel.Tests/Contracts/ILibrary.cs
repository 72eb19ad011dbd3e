using System.ServiceModel;

namespace SoapMiddleware.ServiceModel.Tests.Contracts;

/// <summary>A DataContract-format contract with [CollectionDataContract] collections and [DataMember] fields.</summary>
[ServiceContract(Namespace = Library.Namespace)]
public interface ILibrary
{
    /// <summary>The shelf in reverse order, each book a year older.</summary>
    [OperationContract]
    Shelf Reverse(Shelf shelf);

    /// <summary>The titles of the shelf's books, a collection of strings.</summary>
    [OperationContract]
    Titles TitlesOf(Shelf shelf);

    /// <summary>The book with its page count doubled (a private field on both sides).</summary>
    [OperationContract]
    Book Reprint(Book book);
}
