using System.Text.RegularExpressions;
using System.Xml.Linq;
using FluentAssertions;

namespace KafkaResilience.Architecture.Tests;

/// <summary>
/// Every project reference of the suite's own projects goes the way the README's "Who may use whom" table allows, and
/// the table names every project: the documented direction and the code cannot drift apart.
/// </summary>
public sealed partial class ProjectReferenceTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void Every_project_reference_is_one_the_readme_allows()
    {
        var allowed = AllowedByReadme();
        var projects = OwnProjects();

        projects.Keys.Should().BeEquivalentTo(allowed.Keys, "the README's table has one row per project of support/, steps/ and the features host");
        var against = projects
            .SelectMany(p => p.Value.Where(r => !allowed[p.Key].Contains(r)).Select(r => $"{p.Key} -> {r}"))
            .ToList();
        against.Should().BeEmpty("a reference outside its row goes against the documented direction (README, \"Who may use whom\")");
    }

    [Fact]
    public void The_table_is_read_as_written()
    {
        var allowed = AllowedByReadme();

        allowed["Cluster"].Should().BeEmpty();
        allowed["Chaos"].Should().BeEquivalentTo("Cluster", "Workloads", "Targets", "Reporting");
        allowed["Features"].Should().Contain("Steps");
    }

    /// <summary>Project (short name) -> the short names of the projects it references, for support/, steps/ and the features host.</summary>
    private static Dictionary<string, HashSet<string>> OwnProjects()
    {
        var files = Directory.GetFiles(Path.Combine(Root, "support"), "*.csproj", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(Root, "steps"), "*.csproj"))
            .Append(Path.Combine(Root, "tests", "KafkaResilience.Features", "KafkaResilience.Features.csproj"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        return files.ToDictionary(
            ShortName,
            f => XDocument.Load(f).Descendants("ProjectReference").Select(r => ShortName((string)r.Attribute("Include")!)).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    /// <summary>The README's "Who may use whom" table: project -> the projects it may reference.</summary>
    private static Dictionary<string, HashSet<string>> AllowedByReadme()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "README.md"));
        var start = Array.FindIndex(lines, l => l.Trim() == "### Who may use whom");
        start.Should().BeGreaterThanOrEqualTo(0, "the README has a \"Who may use whom\" section");
        var rows = lines.Skip(start + 1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).Skip(2);
        var allowed = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var cells = row.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            var project = ProjectCell().Match(cells[0]).Groups[1].Value;
            allowed[project] = cells[1] == "-" ? [] : cells[1].Split(',').Select(c => c.Trim()).ToHashSet(StringComparer.Ordinal);
        }
        return allowed;
    }

    private static string ShortName(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path.Replace('\\', '/'));
        return name.StartsWith("KafkaResilience.", StringComparison.Ordinal) ? name["KafkaResilience.".Length..] : name;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "KafkaResilience.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No KafkaResilience.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"^([\w.]+)")]
    private static partial Regex ProjectCell();
}
