using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace KafkaResilience.Cli.Tests.Support;

/// <summary>
/// A program under test, started as a user starts it from a shell: in a session and process group of its
/// own (so that Ctrl-C can be sent to the whole group, as a terminal does), with a temp folder of its own
/// (TMPDIR) to check afterwards, its output collected line by line. Disposing it kills what is left of its
/// group and deletes its folders, so that a failing test leaves nothing behind either.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private const int SignalInterrupt = 2;
    private const int SignalKill = 9;

    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();
    private readonly SemaphoreSlim lineArrived = new(0);
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<string, bool> toolingPipes = new(StringComparer.Ordinal);

    private ChildProcess(Process process, ChildFolders folders)
    {
        this.process = process;
        Folders = folders;
    }

    /// <summary>Its TMPDIR (empty once the process has ended) and a work folder for the test's own files.</summary>
    public ChildFolders Folders { get; }

    public int Id => process.Id;

    /// <summary>Time since the process was started.</summary>
    public TimeSpan Elapsed => clock.Elapsed;

    /// <summary>Every line of standard output and standard error so far, in arrival order.</summary>
    public string Output => string.Join(Environment.NewLine, lines);

    /// <summary>Starts <paramref name="fileName"/> with these arguments; <paramref name="environment"/> adds or (with null) removes variables.</summary>
    public static ChildProcess Start(
        string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, ChildFolders? folders = null)
    {
        folders ??= ChildFolders.Create();
        var start = new ProcessStartInfo("setsid")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = BuiltPrograms.RepositoryRoot,
        };
        start.ArgumentList.Add(fileName);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var name in start.Environment.Keys.Where(InheritedFromThisTestRun).ToList()) start.Environment.Remove(name);
        start.Environment["TMPDIR"] = folders.Temp;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new ChildProcess(process, folders);
        process.OutputDataReceived += (_, e) => child.Add(e.Data);
        process.ErrorDataReceived += (_, e) => child.Add(e.Data);
        try
        {
            process.Start();
        }
        catch
        {
            Directory.Delete(folders.Root, recursive: true);
            throw;
        }

        process.StandardInput.Close(); // no stdin, as in CI
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits until a line of output satisfies <paramref name="match"/>; fails with the output so far after <paramref name="timeout"/>.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, string what)
    {
        var deadline = clock.Elapsed + timeout;
        for (var round = 0; round < 100_000; round++)
        {
            var exited = process.HasExited;
            if (exited) process.WaitForExit(); // every line is in once the output is drained
            var found = lines.FirstOrDefault(match);
            if (found is not null) return found;
            var left = deadline - clock.Elapsed;
            if (exited || left <= TimeSpan.Zero) break;
            await lineArrived.WaitAsync(left < TimeSpan.FromMilliseconds(500) ? left : TimeSpan.FromMilliseconds(500));
        }

        throw new TimeoutException($"{what} did not show within {timeout.TotalSeconds:0} s (exited: {process.HasExited}). Output:{Environment.NewLine}{Output}");
    }

    /// <summary>Waits until <paramref name="condition"/> holds, checking every 100 ms; fails with the output after <paramref name="timeout"/>.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = clock.Elapsed + timeout;
        for (var round = 0; round < 100_000 && clock.Elapsed < deadline && !process.HasExited; round++)
        {
            if (condition()) return;
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        if (condition()) return;
        throw new TimeoutException($"{what} did not happen within {timeout.TotalSeconds:0} s (exited: {process.HasExited}). Output:{Environment.NewLine}{Output}");
    }

    /// <summary>Sends SIGINT to the process group, as Ctrl-C in a terminal does.</summary>
    public void Interrupt() => SignalGroup(SignalInterrupt);

    /// <summary>Waits for the exit and returns the exit code, or fails with the output after <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        var deadline = clock.Elapsed + timeout;
        for (var round = 0; round < 100_000 && !process.HasExited; round++)
        {
            NoteToolingPipes();
            var left = deadline - clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"The process did not exit within {timeout.TotalSeconds:0} s. Output:{Environment.NewLine}{Output}");
            }

            using var slice = new CancellationTokenSource(left < TimeSpan.FromMilliseconds(100) ? left : TimeSpan.FromMilliseconds(100));
            await process.WaitForExitAsync(slice.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        process.WaitForExit(); // drains the output handlers
        return process.ExitCode;
    }

    /// <summary>Remembers the pipes <c>dotnet test</c> opens in /tmp for its test host, to remove them once the tree has ended.</summary>
    public void NoteToolingPipes()
    {
        if (process.HasExited) return;
        foreach (var pipe in ProcessTable.ToolingPipes(ProcessTable.TreeOf(process.Id))) toolingPipes.TryAdd(pipe, true);
    }

    /// <summary>Entries the process left in its TMPDIR.</summary>
    public IReadOnlyList<string> LeftInTempFolder() =>
        Directory.EnumerateFileSystemEntries(Folders.Temp, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(Folders.Temp, p)).ToList();

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                SignalGroup(SignalKill);
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // it ended meanwhile
        }

        process.Dispose();
        lineArrived.Dispose();
        foreach (var pipe in toolingPipes.Keys)
        {
            // Only once the tree has ended, and only the socket files it held.
            if (File.Exists(pipe)) File.Delete(pipe);
        }

        if (Directory.Exists(Folders.Root)) Directory.Delete(Folders.Root, recursive: true);
    }

    private void Add(string? line)
    {
        if (line is null) return;
        lines.Enqueue(line);
        lineArrived.Release();
    }

    /// <summary>Signals the group the child leads; the child alone when it does not lead one (never a group of ours).</summary>
    private void SignalGroup(int signal)
    {
        var pid = process.Id;
        if (pid <= 1 || process.HasExited) return;
        var target = ProcessTable.GroupOf(pid) == pid ? -pid : pid;
        _ = Kill(target, signal);
    }

    /// <summary>Variables the test host got from this test run's own "dotnet test", which must not steer a nested one.</summary>
    private static bool InheritedFromThisTestRun(string name) =>
        name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("DOTNET_TEST", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase);

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
