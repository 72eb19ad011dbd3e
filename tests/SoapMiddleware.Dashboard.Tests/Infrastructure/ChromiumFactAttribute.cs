namespace SoapMiddleware.Dashboard.Tests.Infrastructure;

/// <summary>A fact that drives Debian's chromium; skipped, with the reason, where it is not installed (./test.sh installs it).</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Executable = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Executable))
        {
            Skip = $"{Executable} is not installed: run ./test.sh, which installs it (apt-get install chromium).";
        }
    }
}
