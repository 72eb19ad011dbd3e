namespace SoapMiddleware.Docs.Tests.CodeBlocks;

/// <summary>How a C# block of the documentation is compiled; chosen by the marker line right before its fence.</summary>
public enum SnippetKind
{
    /// <summary>No marker: a complete <c>Program.cs</c> of a <c>dotnet new web</c> project (its own usings, types, <c>app.Run()</c>).</summary>
    Program,

    /// <summary><c>&lt;!-- fragment: statements --&gt;</c>: the body of an async method that sees the ambient names.</summary>
    Statements,

    /// <summary><c>&lt;!-- fragment: members --&gt;</c>: members of a class (methods, properties, fields).</summary>
    Members,

    /// <summary><c>&lt;!-- fragment: types --&gt;</c>: a file of type declarations (and usings), in a namespace of its own.</summary>
    Types,
}
