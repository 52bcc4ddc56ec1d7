using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Io.Cucumber.Messages.Types;

namespace KafkaResilience.Reqnroll.Catalog;

/// <summary>
/// One parsed feature file as Reqnroll's formatters need it (what its build-time generator would have embedded):
/// the source, the Gherkin document and the pickles as Cucumber Messages, built when the catalog reads the file.
/// </summary>
public sealed class FeatureDocument
{
    private FeatureDocument(string path, string relativePath, Source source, GherkinDocument document, IReadOnlyList<Pickle> pickles)
    {
        Path = path;
        RelativePath = relativePath;
        Source = source;
        Document = document;
        Pickles = pickles;
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>The file relative to the features folder, '/'-separated ("failures/broker-faults.feature").</summary>
    public string RelativePath { get; }

    public Source Source { get; }

    public GherkinDocument Document { get; }

    /// <summary>The scenarios and outline rows as Gherkin's pickle compiler sees them, in document order.</summary>
    public IReadOnlyList<Pickle> Pickles { get; }

    /// <summary>The messages of a parsed file; ids are unique across every file of a run.</summary>
    internal static FeatureDocument Create(string path, string relativePath, string text, global::Gherkin.Ast.GherkinDocument ast)
    {
        var ids = new GuidIdGenerator();
        var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(ast, relativePath);
        var pickles = new PickleCompiler(ids).Compile(document);
        return new FeatureDocument(path, relativePath, new Source(relativePath, text, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN), document, pickles);
    }

    /// <summary>The index of the pickle of the scenario at <paramref name="scenarioLine"/> (and the Examples row at <paramref name="rowLine"/>), or null.</summary>
    internal int? PickleIndexOf(int scenarioLine, int? rowLine)
    {
        var nodes = NodeLines();
        for (var i = 0; i < Pickles.Count; i++)
        {
            var astIds = Pickles[i].AstNodeIds;
            if (astIds.Count == 0 || nodes.GetValueOrDefault(astIds[0]) != scenarioLine) continue;
            var row = astIds.Count > 1 ? nodes.GetValueOrDefault(astIds[^1]) : (int?)null;
            if (row == rowLine) return i;
        }

        return null;
    }

    private Dictionary<string, int>? _nodeLines;

    /// <summary>The line of every scenario and Examples row, by its node id.</summary>
    private Dictionary<string, int> NodeLines()
    {
        if (_nodeLines is not null) return _nodeLines;
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        void Scenario(Io.Cucumber.Messages.Types.Scenario scenario)
        {
            lines[scenario.Id] = (int)scenario.Location.Line;
            foreach (var row in scenario.Examples.SelectMany(e => e.TableBody)) lines[row.Id] = (int)row.Location.Line;
        }

        foreach (var child in Document.Feature?.Children ?? [])
        {
            if (child.Scenario is { } scenario) Scenario(scenario);
            foreach (var inRule in child.Rule?.Children ?? [])
            {
                if (inRule.Scenario is { } ruled) Scenario(ruled);
            }
        }

        return _nodeLines = lines;
    }
}
