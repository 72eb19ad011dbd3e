using SoapMiddleware.Tests.Zeep;

namespace SoapMiddleware.Client.Tests.Corpus;

/// <summary>A test over the WSDL corpus, skipped (saying why) where the corpus or, when it compares with zeep, zeep is absent.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute(bool needsZeep = false)
    {
        if (WsdlCorpus.MissingReason is { } reason)
        {
            Skip = reason;
        }
        else if (needsZeep && new ZeepTheoryAttribute().Skip is { } zeepMissing)
        {
            Skip = zeepMissing;
        }
    }
}
