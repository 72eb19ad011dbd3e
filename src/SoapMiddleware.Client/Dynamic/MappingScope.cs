using SoapMiddleware.Client.Wsdl;

namespace SoapMiddleware.Client.Dynamic;

/// <summary>A location of <see cref="MappingWarnings.At"/>: disposing it restores the enclosing one.</summary>
internal readonly struct MappingScope(MappingWarnings owner, SourceLocation enclosing) : IDisposable
{
    public void Dispose() => owner.Restore(enclosing);
}
