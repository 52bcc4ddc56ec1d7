namespace KafkaResilience.Reporting;

/// <summary>Finds the suite's checkout (the folder holding <c>KafkaResilience.sln</c>) so reports land in one known place.</summary>
public static class RepositoryRoot
{
    /// <summary>The file that marks the repository root.</summary>
    public const string MarkerFile = "KafkaResilience.sln";

    /// <summary>How many parent folders are searched at most.</summary>
    public const int MaxDepth = 32;

    /// <summary>The nearest folder at or above <paramref name="startDirectory"/> holding the marker, or null.</summary>
    public static string? Find(string startDirectory)
    {
        var directory = new DirectoryInfo(startDirectory);
        for (var depth = 0; directory is not null && depth < MaxDepth; depth++, directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, MarkerFile)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
