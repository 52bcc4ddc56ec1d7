using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.RuntimeSupport;

namespace KafkaResilience.Reqnroll.Catalog;

/// <summary>
/// A feature's Cucumber Messages (source, Gherkin document, pickles) handed to Reqnroll at run time, where its build-time
/// generator would embed them: with them Reqnroll's formatters (Cucumber HTML, ndjson) report the feature's scenarios.
/// </summary>
public sealed class RuntimeFeatureMessages(FeatureDocument document) : IFeatureLevelCucumberMessages
{
    public bool HasMessages => true;

    public GherkinDocument GherkinDocument => document.Document;

    public IEnumerable<Pickle> Pickles => document.Pickles;

    public Source Source => document.Source;
}
