using System.Text.RegularExpressions;

namespace KafkaResilience.Workflow.Tests;

/// <summary>
/// The KAFKA_RESILIENCE_* variables that exist: those the suite reads (a string literal in support/ or steps/) and
/// those a script reads (<c>$NAME</c> or <c>${NAME</c>).
/// </summary>
public static partial class KnownVariables
{
    public static IReadOnlySet<string> Of(string root, IEnumerable<string> scripts)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in new[] { "support", "steps" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories)
                         .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
                known.UnionWith(Literal().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value));
        }
        foreach (var script in scripts.Where(File.Exists))
            known.UnionWith(Read().Matches(File.ReadAllText(script)).Select(m => m.Groups[1].Value));
        return known;
    }

    [GeneratedRegex("\"(KAFKA_RESILIENCE_[A-Z0-9_]+)\"")]
    private static partial Regex Literal();

    [GeneratedRegex(@"\$\{?(KAFKA_RESILIENCE_[A-Z0-9_]+)")]
    private static partial Regex Read();
}
