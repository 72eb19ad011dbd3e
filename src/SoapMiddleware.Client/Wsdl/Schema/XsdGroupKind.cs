namespace SoapMiddleware.Client.Wsdl.Schema;

/// <summary>The compositor of a model group.</summary>
public enum XsdGroupKind
{
    /// <summary><c>xs:sequence</c>: the items in order.</summary>
    Sequence,

    /// <summary><c>xs:all</c>: the items in any order, each at most once.</summary>
    All,

    /// <summary><c>xs:choice</c>: one of the items.</summary>
    Choice,
}
