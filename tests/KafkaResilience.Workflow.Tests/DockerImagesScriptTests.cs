using FluentAssertions;
using KafkaResilience.Docker.Definition;

namespace KafkaResilience.Workflow.Tests;

/// <summary>
/// .ci/docker-images, the workflow's step before the suite: it must name the docker target's own images, stop with
/// one line and the docker load recipe where it may not pull, and pull only on GitHub Actions. The Docker CLI is
/// replaced by a stand-in on PATH that answers from a list and records what it was asked.
/// </summary>
public sealed class DockerImagesScriptTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public DockerImagesScriptTests()
    {
        var docker = _dir.Combine("docker");
        File.WriteAllText(docker, """
            #!/usr/bin/env bash
            echo "$*" >> "$FAKE_DOCKER_LOG"
            case "$1" in
              info) exit 0 ;;
              image) [[ " $FAKE_DOCKER_PRESENT " == *" $3 "* ]] && exit 0 || exit 1 ;;
              pull) exit 0 ;;
            esac
            exit 1
            """.Replace("\r", string.Empty, StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(docker, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public void Dispose() => _dir.Dispose();

    private string Log => _dir.Combine("docker.log");

    private (int ExitCode, string Stdout, string Stderr) Run(string? present, params (string Key, string? Value)[] environment)
    {
        var env = new Dictionary<string, string?>
        {
            ["PATH"] = _dir.Path + ":" + Environment.GetEnvironmentVariable("PATH"),
            ["FAKE_DOCKER_LOG"] = Log,
            ["FAKE_DOCKER_PRESENT"] = present ?? string.Empty,
            ["GITHUB_ACTIONS"] = null,
            ["KAFKA_RESILIENCE_TARGET"] = null,
            ["KAFKA_RESILIENCE_KAFKA_STACK"] = null,
            ["TESTCONTAINERS_RYUK_DISABLED"] = null,
            ["DOCKER_HOST"] = null,
        };
        foreach (var (key, value) in environment)
            env[key] = value;
        return ScriptRun.Run("bash", [Repository.PathOf(WorkflowAudit.ImagesScript)], env);
    }

    [Theory]
    [InlineData(KafkaStack.Kraft, "kraft")]
    [InlineData(KafkaStack.ZooKeeper, "zookeeper")]
    public void It_names_exactly_the_images_the_docker_target_starts_for_the_stack(KafkaStack stack, string name)
    {
        var images = new KafkaClusterBuilder().WithStack(stack).Build().Images;

        var (withReaper, listed, _) = ScriptRun.Run("bash", [Repository.PathOf(WorkflowAudit.ImagesScript), "--list"],
            new Dictionary<string, string?> { ["KAFKA_RESILIENCE_KAFKA_STACK"] = name, ["TESTCONTAINERS_RYUK_DISABLED"] = null });
        var (_, withoutReaper, _) = ScriptRun.Run("bash", [Repository.PathOf(WorkflowAudit.ImagesScript), "--list"],
            new Dictionary<string, string?> { ["KAFKA_RESILIENCE_KAFKA_STACK"] = name, ["TESTCONTAINERS_RYUK_DISABLED"] = "true" });

        withReaper.Should().Be(0);
        listed.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().BeEquivalentTo([.. images, DockerImages.ResourceReaper]);
        withoutReaper.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().BeEquivalentTo(images);
    }

    [Fact]
    public void Off_github_actions_a_missing_image_stops_it_with_one_line_naming_the_image_and_the_docker_load_recipe()
    {
        var (exitCode, stdout, stderr) = Run(present: DockerImages.Toxiproxy);

        exitCode.Should().Be(3, stderr);
        var line = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle("it stops with one clear line").Subject;
        line.Should().Contain(DockerImages.Kafka).And.Contain("docker load -i kafka-resilience-images.tar").And.Contain("Without a registry")
            .And.NotContain(DockerImages.Toxiproxy + " ", "the image that is there is not named missing");
        File.ReadAllLines(Log).Should().NotContain(l => l.StartsWith("pull", StringComparison.Ordinal), "only GitHub Actions pulls");
    }

    [Fact]
    public void On_github_actions_it_pulls_each_missing_image()
    {
        var (exitCode, stdout, stderr) = Run(present: DockerImages.Kafka, ("GITHUB_ACTIONS", "true"), ("TESTCONTAINERS_RYUK_DISABLED", "true"));

        exitCode.Should().Be(0, stderr);
        File.ReadAllLines(Log).Where(l => l.StartsWith("pull", StringComparison.Ordinal)).Should().Equal($"pull --quiet {DockerImages.Toxiproxy}");
        stdout.Should().Contain("all 2 images of the kraft stack are on the engine");
    }

    [Theory]
    [InlineData("external")]
    [InlineData("embedded")]
    public void A_target_that_starts_no_container_needs_no_image(string target)
    {
        var (exitCode, stdout, _) = Run(present: null, ("KAFKA_RESILIENCE_TARGET", target));

        exitCode.Should().Be(0);
        stdout.Should().Contain($"target {target} starts no container");
        File.Exists(Log).Should().BeFalse("the engine is not even asked");
    }
}
