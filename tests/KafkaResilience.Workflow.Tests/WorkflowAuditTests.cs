using FluentAssertions;
using YamlDotNet.RepresentationModel;

namespace KafkaResilience.Workflow.Tests;

public sealed class WorkflowAuditTests
{
    private const string WorkflowPath = ".github/workflows/chaos.yml";
    private static readonly string Yaml = Repository.Read(WorkflowPath);
    private static readonly string CiRun = Repository.Read(".ci/run");

    private static bool IsExecutableScript(string relative)
    {
        var path = Repository.PathOf(relative);
        return File.Exists(path) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0);
    }

    private static IReadOnlyList<string> Audit(string yaml, string? ciRun = null)
    {
        var workflow = WorkflowFile.Parse(yaml);
        var scripts = workflow.Steps.Where(s => s.Run is not null).Select(s => Repository.PathOf(s.Run!.Trim().Split(' ')[0]));
        return WorkflowAudit.Problems(workflow, IsExecutableScript, KnownVariables.Of(Repository.Root, scripts), ciRun ?? CiRun);
    }

    [Fact]
    public void Every_run_step_of_the_chaos_workflow_is_a_script_ci_runs_too_and_every_variable_it_names_exists()
    {
        var workflow = WorkflowFile.Parse(Yaml);

        Audit(Yaml).Should().BeEmpty();
        workflow.Steps.Where(s => s.Run is not null).Select(s => s.Run!.Trim()).Should().Equal(
            ".ci/lint-workflows", ".ci/build", ".ci/docker-images", ".ci/suite", ".ci/job-summary", ".ci/allure-report");
        workflow.SuiteVariables.Should().Contain(["KAFKA_RESILIENCE_PROFILE", "KAFKA_RESILIENCE_TARGET", "KAFKA_RESILIENCE_KAFKA_STACK", "KAFKA_RESILIENCE_BOOTSTRAP"]);
    }

    [Fact]
    public void A_step_that_names_a_script_the_repository_does_not_have_is_reported()
    {
        var problems = Audit(Yaml.Replace("run: .ci/job-summary", "run: .ci/job-sumary", StringComparison.Ordinal));

        problems.Should().ContainSingle().Which.Should().Be("step 'Failed scenarios in the job summary' runs .ci/job-sumary, which is not an executable file of the repository");
    }

    [Fact]
    public void A_variable_the_suite_does_not_read_is_reported()
    {
        var problems = Audit(Yaml.Replace("KAFKA_RESILIENCE_KAFKA_STACK: ${{", "KAFKA_RESILIENCE_STACK: ${{", StringComparison.Ordinal));

        problems.Should().ContainSingle().Which.Should().Be("the workflow names KAFKA_RESILIENCE_STACK, which neither the suite nor a script reads");
    }

    [Fact]
    public void A_step_with_inline_shell_instead_of_a_script_is_reported()
    {
        var problems = Audit(Yaml.Replace("run: .ci/build", "run: dotnet build && dotnet test", StringComparison.Ordinal));

        problems.Should().ContainSingle().Which.Should().Contain("runs 'dotnet build && dotnet test', which is not one call of a script under .ci/");
    }

    [Fact]
    public void A_step_the_repositorys_ci_does_not_run_is_reported()
    {
        var problems = Audit(Yaml, CiRun.Replace(".ci/job-summary", ": job summary left out", StringComparison.Ordinal));

        problems.Should().ContainSingle().Which.Should().Be("step 'Failed scenarios in the job summary' runs .ci/job-summary, which .ci/run does not run");
    }

    [Fact]
    public void The_suite_step_is_the_readmes_suite_command_and_comes_after_the_images_step()
    {
        var readme = Repository.Read("README.md");
        var suite = Repository.Read(WorkflowAudit.SuiteScript);

        readme.Should().Contain("dotnet test --project tests/KafkaResilience.Features\n", "the README's Quick start runs the suite with it");
        suite.Should().Contain("dotnet test --project tests/KafkaResilience.Features ", "the workflow runs the suite the README's way, no second way");
        Audit(Yaml.Replace("run: .ci/docker-images", "run: .ci/build", StringComparison.Ordinal))
            .Should().ContainSingle().Which.Should().Be("the workflow runs .ci/suite without running .ci/docker-images before it");
    }

    [Fact]
    public void The_workflow_runs_on_push_pull_request_nightly_and_by_hand_with_profile_stack_and_filter()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(Yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var on = (YamlMappingNode)root.Children[new YamlScalarNode("on")];
        var inputs = (YamlMappingNode)((YamlMappingNode)on.Children[new YamlScalarNode("workflow_dispatch")]).Children[new YamlScalarNode("inputs")];
        var job = (YamlMappingNode)((YamlMappingNode)root.Children[new YamlScalarNode("jobs")]).Children[new YamlScalarNode("chaos")];
        var env = (YamlMappingNode)job.Children[new YamlScalarNode("env")];

        on.Children.Keys.Select(k => k.ToString()).Should().BeEquivalentTo("push", "pull_request", "schedule", "workflow_dispatch");
        inputs.Children.Keys.Select(k => k.ToString()).Should().BeEquivalentTo("profile", "stack", "filter");
        job.Children[new YamlScalarNode("runs-on")].ToString().Should().Be("ubuntu-latest");
        env.Children[new YamlScalarNode("KAFKA_RESILIENCE_PROFILE")].ToString().Should().Contain("github.event_name == 'schedule' && 'full'", "the nightly run is the full profile");
        env.Children[new YamlScalarNode("CHAOS_FILTER")].ToString().Should().Be("${{ inputs.filter }}");
        Repository.Read(WorkflowAudit.SuiteScript).Should().Contain("--filter \"$CHAOS_FILTER\"");
    }
}
