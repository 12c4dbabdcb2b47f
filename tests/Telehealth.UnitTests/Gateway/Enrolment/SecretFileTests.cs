using Telehealth.Gateway.Core.Enrolment;

namespace Telehealth.UnitTests.Gateway.Enrolment;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SecretFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("th-secret-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void WriteAtomically_CreatesTheFileWithMode0600_InAMissingDirectory()
    {
        var path = Path.Combine(_directory, "etc", "gateway.secret");

        SecretFile.WriteAtomically(path, "s3cret");

        Assert.Equal("s3cret", File.ReadAllText(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void WriteAtomically_ReplacesAWorldReadableFile_WithA0600One()
    {
        var path = Path.Combine(_directory, "gateway.secret");
        File.WriteAllText(path, "old");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        SecretFile.WriteAtomically(path, "new");

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }
}
