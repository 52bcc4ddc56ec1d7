using System.Diagnostics;

namespace KafkaResilience.Workflow.Tests;

/// <summary>Runs one of the repository's scripts (or node) as CI does: no standard input, a bounded wait, the process tree killed on timeout.</summary>
public static class ScriptRun
{
    /// <summary>Longest any script here may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static (int ExitCode, string Stdout, string Stderr) Run(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.Root,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
                start.Environment.Remove(key);
            else
                start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within {Timeout}");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
