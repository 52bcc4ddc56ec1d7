namespace KafkaResilience.Cli.Tests.Support;

/// <summary>What a process tree had open while it ran, to check after it ended that none of it is left.</summary>
internal sealed record Leftovers(IReadOnlySet<int> Processes, IReadOnlySet<int> Ports)
{
    /// <summary>The live processes of the child's tree and the TCP ports they listen on, now.</summary>
    public static Leftovers Of(ChildProcess child)
    {
        child.NoteToolingPipes();
        var tree = ProcessTable.TreeOf(child.Id);
        return new Leftovers(tree, ProcessTable.ListeningPorts(tree));
    }

    /// <summary>Waits (bounded) until every recorded process has ended and no recorded port listens, then asserts it, and an empty TMPDIR.</summary>
    public async Task ShouldBeGoneAsync(ChildProcess child, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        IReadOnlyList<int> alive = [];
        IReadOnlySet<int> listening = new HashSet<int>();
        for (var round = 0; round < 1000; round++)
        {
            alive = Processes.Where(ProcessTable.IsAlive).ToList();
            listening = ProcessTable.StillListening(Ports);
            if ((alive.Count == 0 && listening.Count == 0) || DateTime.UtcNow > deadline) break;
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        alive.Should().BeEmpty($"every process of the tree must end (they were {string.Join(", ", Processes)})");
        listening.Should().BeEmpty($"no port of the tree may stay open (they were {string.Join(", ", Ports)})");
        child.LeftInTempFolder().Where(e => !IsMsBuildTemp(e)).Should().BeEmpty("nothing may stay in the temp folder");
    }

    /// <summary>
    /// MSBuild's per-user temp folder ("MSBuildTemp&lt;user&gt;"), which every <c>dotnet test</c> creates while it
    /// evaluates the project and keeps by design, interrupted or not: the tooling's, not the suite's.
    /// </summary>
    private static bool IsMsBuildTemp(string entry) => entry.StartsWith("MSBuildTemp", StringComparison.Ordinal);
}
