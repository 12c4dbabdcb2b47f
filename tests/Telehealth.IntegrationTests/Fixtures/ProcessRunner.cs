using System.Diagnostics;

namespace Telehealth.IntegrationTests.Fixtures;

/// <summary>Runs a command to completion and captures what it printed.</summary>
public static class ProcessRunner
{
    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string command, params string[] args)
    {
        var info = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await stdout).Trim(), (await stderr).Trim());
    }
}
