namespace SoapMiddleware.Queue.Tests.Producer;

/// <summary>A contract interface the server's service implements, under an operation name of its own.</summary>
public interface IGreeter
{
    string Greet(string name);
}
