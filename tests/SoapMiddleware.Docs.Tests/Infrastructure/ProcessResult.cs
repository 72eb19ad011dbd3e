namespace SoapMiddleware.Docs.Tests.Infrastructure;

/// <summary>How a finished command ended: its exit code and everything it printed (stdout and stderr interleaved).</summary>
public sealed record ProcessResult(int ExitCode, string Output);
