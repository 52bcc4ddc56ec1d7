using System.Globalization;
using Xunit.Sdk;
using Xunit.v3;

namespace KafkaResilience.Reqnroll.Xunit;

/// <summary>
/// Runs scenario rows feature by feature, in file and line order (by their Row trait, "file:line[:row]"), the order
/// generated Reqnroll tests run in: xUnit's default order would interleave features, and every switch of feature ends
/// one and starts another (its hooks, its Cucumber Messages). Cases without a Row trait keep their order, after them.
/// </summary>
public sealed class FeatureCaseOrderer : ITestCaseOrderer
{
    public IReadOnlyCollection<TTestCase> OrderTestCases<TTestCase>(IReadOnlyCollection<TTestCase> testCases) where TTestCase : notnull, ITestCase =>
        testCases.Select((c, i) => (Case: c, Index: i, Key: Key(c)))
            .OrderBy(c => c.Key is null)
            .ThenBy(c => c.Key?.File, StringComparer.Ordinal)
            .ThenBy(c => c.Key?.Line ?? 0)
            .ThenBy(c => c.Key?.Row ?? 0)
            .ThenBy(c => c.Index)
            .Select(c => c.Case)
            .ToList();

    private static (string File, int Line, int Row)? Key(ITestCase testCase)
    {
        if (!testCase.Traits.TryGetValue("Row", out var rows) || rows.FirstOrDefault() is not { } id) return null;
        var parts = id.Split(':');
        static int Number(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        return parts.Length switch
        {
            >= 3 when Number(parts[^1]) > 0 && Number(parts[^2]) > 0 => (string.Join(':', parts[..^2]), Number(parts[^2]), Number(parts[^1])),
            >= 2 when Number(parts[^1]) > 0 => (string.Join(':', parts[..^1]), Number(parts[^1]), 0),
            _ => (id, 0, 0),
        };
    }
}
