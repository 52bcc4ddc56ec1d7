using System.Reflection;
using KafkaResilience.Reqnroll.Catalog;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace KafkaResilience.Reqnroll.Xunit;

/// <summary>
/// Supplies a theory with one row per scenario or outline row of the host's features, in file order: the row's data is
/// the scenario's stable id, its display name "Feature › Scenario [example values]", its traits Category=&lt;tag&gt; for
/// every inherited tag, Feature=&lt;title&gt; and Row=&lt;id&gt; (file:line:row, to run one row alone). Skips (profile,
/// @ignore) are decided when the row runs, so reports hear about skipped scenarios too.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FeatureScenariosAttribute : DataAttribute
{
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker)
    {
        var host = (testMethod.ReflectedType ?? testMethod.DeclaringType)!.Assembly;
        IReadOnlyCollection<ITheoryDataRow> rows = Rows(FeatureHostSettings.For(host).LoadCases());
        return new ValueTask<IReadOnlyCollection<ITheoryDataRow>>(rows);
    }

    public override bool SupportsDiscoveryEnumeration() => true;

    /// <summary>The theory rows for these cases (public so that hosts and tests can inspect them).</summary>
    public static IReadOnlyList<TheoryDataRow> Rows(IEnumerable<ScenarioCase> cases) =>
        cases.Select(c =>
        {
            var row = new TheoryDataRow(c.Info.Id) { TestDisplayName = c.Info.DisplayName };
            row.Traits["Feature"] = [c.Info.FeatureTitle];
            row.Traits["Row"] = [c.Info.Id];
            if (c.Info.Tags.Count > 0) row.Traits["Category"] = [.. c.Info.Tags];
            return row;
        }).ToList();
}
