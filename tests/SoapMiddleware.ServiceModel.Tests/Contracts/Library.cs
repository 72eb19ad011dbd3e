using System.Runtime.Serialization;

#pragma warning disable SA1402 // The DataContract shapes of one test contract, side by side.

namespace SoapMiddleware.ServiceModel.Tests.Contracts;

/// <summary>Implements <see cref="ILibrary"/>.</summary>
public sealed class Library : ILibrary
{
    public const string Namespace = "http://tests.example.com/library";

    public Shelf Reverse(Shelf shelf)
    {
        var reversed = new Shelf();
        reversed.AddRange(Enumerable.Reverse(shelf).Select(b => new Book(b.Title, b.Pages) { Year = b.Year + 1 }));
        return reversed;
    }

    public Titles TitlesOf(Shelf shelf)
    {
        var titles = new Titles();
        titles.AddRange(shelf.Select(b => b.Title));
        return titles;
    }

    public Book Reprint(Book book) => new(book.Title, book.Pages * 2) { Year = book.Year };
}

/// <summary>Renamed collection with renamed items: <c>&lt;Shelf&gt;&lt;book&gt;...</c>.</summary>
[CollectionDataContract(Name = "Shelf", Namespace = Library.Namespace, ItemName = "book")]
public sealed class Shelf : List<Book>;

/// <summary>DataContractSerializer's default name (the class's, <c>Titles</c>) with <c>&lt;title&gt;</c> items in the contract's namespace.</summary>
[CollectionDataContract(Namespace = Library.Namespace, ItemName = "title")]
public sealed class Titles : List<string?>;

/// <summary>[DataMember] on a public field, a private field and a property.</summary>
[DataContract(Namespace = Library.Namespace)]
public sealed class Book
{
    [DataMember(Order = 1)]
    public string? Title;

    [DataMember(Name = "pages", Order = 2)]
    private int _pages;

    public Book()
    {
    }

    public Book(string? title, int pages)
    {
        Title = title;
        _pages = pages;
    }

    [DataMember(Order = 3)]
    public int Year { get; set; }

    public int Pages => _pages;
}
