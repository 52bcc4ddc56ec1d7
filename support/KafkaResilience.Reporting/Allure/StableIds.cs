using System.Security.Cryptography;
using System.Text;
using KafkaResilience.Reqnroll.Results;

namespace KafkaResilience.Reporting.Allure;

/// <summary>
/// Ids that stay the same from run to run and machine to machine, so the report's history and trends line up:
/// <c>historyId</c> per scenario row, <c>testCaseId</c> per scenario.
/// </summary>
public static class StableIds
{
    /// <summary>Hash of the scenario id (with the checkout path removed) and its example values, in order.</summary>
    public static string HistoryId(ScenarioRowInfo scenario, string? repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var text = new StringBuilder(Relative(scenario.Id, repositoryRoot));
        foreach (var (name, value) in scenario.ExampleValues)
        {
            text.Append('\n').Append(name).Append('=').Append(value);
        }

        return Md5(text.ToString());
    }

    /// <summary>Hash of the feature file (relative to the repository) and the scenario's line.</summary>
    public static string TestCaseId(ScenarioRowInfo scenario, string? repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Md5($"{Relative(scenario.FeatureFile, repositoryRoot)}:{scenario.Line}");
    }

    /// <summary><paramref name="path"/> with the repository root removed and '/' as separator.</summary>
    public static string Relative(string path, string? repositoryRoot)
    {
        var result = path;
        if (!string.IsNullOrEmpty(repositoryRoot))
        {
            var root = repositoryRoot.TrimEnd('/', '\\');
            result = result.Replace(root + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal)
                .Replace(root + "/", string.Empty, StringComparison.Ordinal);
        }

        return result.Replace('\\', '/');
    }

    private static string Md5(string text) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
}
