using System.Globalization;

namespace KafkaResilience.Reporting.Allure;

/// <summary>
/// Works out <c>executor.json</c> from the CI system's environment variables (GitHub Actions, GitLab CI, Jenkins,
/// Azure Pipelines), or describes the local machine when none is set.
/// </summary>
public static class ExecutorDetector
{
    /// <summary>The executor for the environment read through <paramref name="env"/>.</summary>
    public static AllureExecutor Detect(Func<string, string?> env, string reportName, string host, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(env);
        if (Set(env("GITHUB_ACTIONS")))
        {
            var server = env("GITHUB_SERVER_URL") ?? "https://github.com";
            var repo = env("GITHUB_REPOSITORY");
            var runId = env("GITHUB_RUN_ID");
            var runUrl = repo is null || runId is null ? null : $"{server}/{repo}/actions/runs/{runId}";
            return new AllureExecutor("GitHub Actions", "github", repo is null ? null : $"{server}/{repo}", Number(env("GITHUB_RUN_NUMBER")),
                $"{env("GITHUB_WORKFLOW") ?? "workflow"} #{env("GITHUB_RUN_NUMBER") ?? "?"}", runUrl, reportName, null);
        }

        if (Set(env("GITLAB_CI")))
        {
            return new AllureExecutor("GitLab CI", "gitlab", env("CI_PROJECT_URL"), Number(env("CI_PIPELINE_IID")),
                $"{env("CI_PROJECT_NAME") ?? "pipeline"} #{env("CI_PIPELINE_IID") ?? env("CI_PIPELINE_ID") ?? "?"}", env("CI_PIPELINE_URL"), reportName, null);
        }

        if (Set(env("JENKINS_URL")))
        {
            return new AllureExecutor("Jenkins", "jenkins", env("JENKINS_URL"), Number(env("BUILD_NUMBER")),
                $"{env("JOB_NAME") ?? "job"} #{env("BUILD_NUMBER") ?? "?"}", env("BUILD_URL"), reportName, null);
        }

        if (Set(env("TF_BUILD")))
        {
            var collection = env("SYSTEM_COLLECTIONURI");
            var project = env("SYSTEM_TEAMPROJECT");
            var buildId = env("BUILD_BUILDID");
            var buildUrl = collection is null || project is null || buildId is null ? null : $"{collection}{project}/_build/results?buildId={buildId}";
            return new AllureExecutor("Azure Pipelines", "azure", collection, Number(buildId),
                $"{env("BUILD_DEFINITIONNAME") ?? "build"} #{env("BUILD_BUILDNUMBER") ?? "?"}", buildUrl, reportName, null);
        }

        return new AllureExecutor("Local run", "local", null, null,
            $"{host} {now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)}", null, reportName, null);
    }

    private static bool Set(string? value) => !string.IsNullOrWhiteSpace(value) && !value.Equals("false", StringComparison.OrdinalIgnoreCase);

    private static long? Number(string? value) => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
