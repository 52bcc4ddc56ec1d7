namespace KafkaResilience.Workflow.Tests;

/// <summary>The repository these tests read (found from the test binaries upwards by KafkaResilience.sln).</summary>
public static class Repository
{
    /// <summary>How many parent folders are searched at most.</summary>
    public const int MaxDepth = 32;

    public static string Root { get; } = Find() ?? throw new InvalidOperationException(
        $"no KafkaResilience.sln at or above {AppContext.BaseDirectory}: these tests read the repository they were built from");

    public static string PathOf(string relative) => System.IO.Path.Combine(Root, relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    private static string? Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        for (var depth = 0; directory is not null && depth < MaxDepth; depth++, directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "KafkaResilience.sln")))
                return directory.FullName;
        }
        return null;
    }
}
