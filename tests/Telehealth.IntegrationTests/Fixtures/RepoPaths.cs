namespace Telehealth.IntegrationTests.Fixtures;

/// <summary>Finds the repository and the built outputs of our own programs (built by this project's references).</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Telehealth.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find Telehealth.sln above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    /// <summary>Debug or Release, as this test assembly was built.</summary>
    public static string Configuration => Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)))!;

    public static string GatewayDll => Output("gateway/Telehealth.Gateway", "Telehealth.Gateway.dll");

    public static string IngestDll => Output("cloud-ingest/Telehealth.Ingest", "Telehealth.Ingest.dll");

    public static string SimulatorDll => Output("simulators/Telehealth.Simulators", "telehealth-sim.dll");

    private static string Output(string project, string dll)
    {
        var path = Path.Combine(Root, project, "bin", Configuration, "net10.0", dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{dll} is not built; run dotnet build Telehealth.sln", path);
    }
}
