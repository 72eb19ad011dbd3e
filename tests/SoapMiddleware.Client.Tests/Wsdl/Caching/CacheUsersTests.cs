namespace SoapMiddleware.Client.Tests.Wsdl.Caching;

/// <summary>
/// Two OS users sharing one cache folder through <c>soapmw inspect --cache-dir</c>: both succeed, each writes in an
/// owner-only folder of their own that the other cannot read, and a folder planted under one's name by the other is
/// skipped with a warning, never a failure. Needs root (to add the second user with useradd and run as them with
/// runuser); otherwise skipped, saying so.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CacheUsersTests : IAsyncLifetime
{
    private const string OtherUser = "soapmw-cache-test";
    private readonly string _shared = Path.Combine(Path.GetTempPath(), $"soapmw-shared-cache-{Guid.NewGuid():N}");
    private bool _createdUser;

    public static string? SkipReason =>
        OperatingSystem.IsWindows() ? "needs Linux users (useradd, runuser)"
        : Environment.UserName != "root" ? $"needs root to add a second OS user (running as {Environment.UserName})"
        : !File.Exists("/usr/sbin/useradd") || !File.Exists("/usr/sbin/runuser") ? "useradd or runuser is missing"
        : null;

    public async Task InitializeAsync()
    {
        if (SkipReason is not null)
        {
            return;
        }

        if ((await ChildProcess.RunAsync("id", OtherUser)).ExitCode != 0)
        {
            var (exitCode, _, error) = await ChildProcess.RunAsync("/usr/sbin/useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", OtherUser);
            Assert.True(exitCode == 0, error);
            _createdUser = true;
        }

        // A folder both may write in, as /tmp is (sticky: nobody removes another's entries).
        Directory.CreateDirectory(_shared);
        File.SetUnixFileMode(_shared, (UnixFileMode)Convert.ToInt32("1777", 8));
    }

    public async Task DisposeAsync()
    {
        if (Directory.Exists(_shared))
        {
            Directory.Delete(_shared, recursive: true);
        }

        if (_createdUser)
        {
            await ChildProcess.RunAsync("/usr/sbin/userdel", OtherUser);
        }
    }

    private static string Tool => Path.Combine(AppContext.BaseDirectory, "soapmw.dll");

    private Task<(int ExitCode, string Output, string Error)> InspectAsync(string? user, string wsdl)
    {
        string[] inspect = ["dotnet", Tool, "inspect", wsdl, "--json", "--offline", "--cache-dir", _shared];
        return user is null ? ChildProcess.RunAsync(inspect[0], inspect[1..]) : ChildProcess.RunAsync("/usr/sbin/runuser", ["-u", user, "--", .. inspect]);
    }

    [SkippableCacheFact]
    public async Task TwoUsers_OneSharedFolder_EachInTheirOwnOwnerOnlyFolder()
    {
        var wsdl = Path.Combine(_shared, "service.wsdl");
        await File.WriteAllTextAsync(wsdl, Infrastructure.Wsdl.Definitions("""
            <wsdl:message name="In"><wsdl:part name="a" type="xs:int"/></wsdl:message>
            <wsdl:portType name="P"><wsdl:operation name="Add"><wsdl:input message="tns:In"/></wsdl:operation></wsdl:portType>
            <wsdl:binding name="B" type="tns:P"><soap:binding style="rpc"/><wsdl:operation name="Add"><wsdl:input><soap:body use="literal"/></wsdl:input></wsdl:operation></wsdl:binding>
            <wsdl:service name="S"><wsdl:port name="P" binding="tns:B"><soap:address location="http://host/s"/></wsdl:port></wsdl:service>
            """));
        File.SetUnixFileMode(wsdl, (UnixFileMode)Convert.ToInt32("644", 8));

        var root = await InspectAsync(null, wsdl);
        var other = await InspectAsync(OtherUser, wsdl);
        var otherAgain = await InspectAsync(OtherUser, wsdl);

        Assert.True(root.ExitCode == 0, root.Error);
        Assert.True(other.ExitCode == 0, other.Error);
        Assert.True(otherAgain.ExitCode == 0, otherAgain.Error);
        Assert.Equal(root.Output, other.Output);
        Assert.Equal(root.Output, otherAgain.Output);
        Assert.DoesNotContain("WSDL cache", other.Error + otherAgain.Error, StringComparison.Ordinal);
        foreach (var user in new[] { "root", OtherUser })
        {
            var folder = Path.Combine(_shared, "user-" + user);
            Assert.Equal((UnixFileMode)Convert.ToInt32("700", 8), File.GetUnixFileMode(folder));
            var entry = Assert.Single(Directory.GetFiles(folder, "*.wsdlc"));
            Assert.Equal(user, (await ChildProcess.RunAsync("stat", "-c", "%U", entry)).Output.Trim());
        }

        // The other user cannot even list root's entries.
        var peek = await ChildProcess.RunAsync("/usr/sbin/runuser", "-u", OtherUser, "--", "ls", Path.Combine(_shared, "user-root"));
        Assert.NotEqual(0, peek.ExitCode);
        Assert.Contains("Permission denied", peek.Error, StringComparison.Ordinal);
    }

    [SkippableCacheFact]
    public async Task TwoUsers_FolderPlantedUnderTheOthersName_SkippedWithAWarningInspectSucceeds()
    {
        var wsdl = Path.Combine(_shared, "service.wsdl");
        await File.WriteAllTextAsync(wsdl, Infrastructure.Wsdl.Definitions("""<wsdl:service name="S"/>"""));
        File.SetUnixFileMode(wsdl, (UnixFileMode)Convert.ToInt32("644", 8));
        // root makes the other user's folder first, open to all: the other user must not trust it.
        var planted = Directory.CreateDirectory(Path.Combine(_shared, "user-" + OtherUser));
        File.SetUnixFileMode(planted.FullName, (UnixFileMode)Convert.ToInt32("777", 8));

        var other = await InspectAsync(OtherUser, wsdl);

        Assert.True(other.ExitCode == 0, other.Error);
        Assert.Contains("\"S\"", other.Output, StringComparison.Ordinal);
        Assert.Contains("cannot be used", other.Error, StringComparison.Ordinal);
        Assert.Empty(planted.GetFiles());
    }

    /// <summary>A fact skipped, with the reason, where a second OS user cannot be made.</summary>
    private sealed class SkippableCacheFactAttribute : FactAttribute
    {
        public SkippableCacheFactAttribute() => Skip = SkipReason;
    }
}
