namespace SoapMiddleware.Model;

/// <summary>
/// Which read errors a format other than XML words in its own terms (<see cref="ModelReadException.ToFault(string, string?)"/>):
/// JSON says "'b' is required", not "the required element is missing (minOccurs=1)".
/// </summary>
internal enum ModelReadProblem
{
    /// <summary>Any other rule: its XML Schema wording is the only one.</summary>
    Other,

    /// <summary>A required element is missing (minOccurs=1).</summary>
    Missing,

    /// <summary>A null where the member is not nillable.</summary>
    Nil,
}
