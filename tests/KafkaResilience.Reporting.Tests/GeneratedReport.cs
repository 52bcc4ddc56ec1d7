using System.Diagnostics;

namespace KafkaResilience.Reporting.Tests;

/// <summary>
/// Writes the synthetic run and renders it once with the real Allure CLI for all generator tests (Java is slow to
/// start); holds the reason to skip instead where the CLI or Java is missing.
/// </summary>
public sealed class GeneratedReport : IDisposable
{
    /// <summary>Set to a folder to keep the generated results and report for a look by hand (e.g. the screenshots).</summary>
    public const string KeepVariable = "KAFKA_RESILIENCE_KEEP_REPORT_SAMPLE";

    private static readonly TimeSpan GenerateTimeout = TimeSpan.FromMinutes(5);
    private readonly TempDirectory _dir = new();

    public GeneratedReport()
    {
        var cli = FindCli();
        if (cli is null)
        {
            SkipReason = "the Allure CLI is not installed: run .ci/allure-report (it installs allure-commandline into .ci/out/allure-cli) or set ALLURE_CLI";
            return;
        }

        if (!OnPath("java"))
        {
            SkipReason = "java is not on PATH; the Allure CLI needs it";
            return;
        }

        SyntheticRun.WriteTo(Results);
        (GenerateExitCode, GenerateOutput) = Run(cli, "generate", "--clean", "-o", Report, Results);
    }

    public string? SkipReason { get; }

    public int GenerateExitCode { get; } = -1;

    public string GenerateOutput { get; } = string.Empty;

    public string Results => _dir.Combine("allure-results");

    public string Report => _dir.Combine("allure-report");

    public string Root => _dir.Path;

    public static string? RepoRoot => RepositoryRoot.Find(AppContext.BaseDirectory);

    public void Dispose()
    {
        var keep = Environment.GetEnvironmentVariable(KeepVariable);
        if (!string.IsNullOrEmpty(keep) && Directory.Exists(Report))
        {
            Run("cp", "-r", _dir.Path + "/.", keep);
        }

        _dir.Dispose();
    }

    public static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Any(p => File.Exists(Path.Combine(p, program)));

    public static (int ExitCode, string Output) Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(GenerateTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish within {GenerateTimeout}");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string? FindCli()
    {
        var configured = Environment.GetEnvironmentVariable("ALLURE_CLI");
        if (!string.IsNullOrEmpty(configured) && File.Exists(configured))
        {
            return configured;
        }

        var local = RepoRoot is null ? null : Path.Combine(RepoRoot, ".ci", "out", "allure-cli", "node_modules", ".bin", "allure");
        if (local is not null && File.Exists(local))
        {
            return local;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(p => Path.Combine(p, "allure")).FirstOrDefault(File.Exists);
    }
}
