using System.Diagnostics;
using Docker.DotNet;
using Docker.DotNet.Models;
using Version = System.Version;
using DotNet.Testcontainers.Configurations;
using FluentAssertions;
using KafkaResilience.Targets.Selection;

namespace KafkaResilience.Targets.Tests.Selection;

/// <summary>
/// Target selection against the Docker engine of this machine (DOCKER_HOST, else the default socket), with
/// the real probe and Testcontainers' real discovery. The engine's facts are measured here independently,
/// so the expected sentence is built from what the engine says, not written down. Skipped, with the
/// reason, where no engine answers.
/// </summary>
public sealed class RealEngineSelectionTests
{
    private static readonly Uri Endpoint = new(Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host ? host : "unix:///var/run/docker.sock");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static Func<string, string?> WithTarget(string target) =>
        key => key == TargetEnvironmentVariables.Target ? target : Environment.GetEnvironmentVariable(key);

    private static async Task<VersionResponse> EngineAsync()
    {
        Assert.SkipWhen(Endpoint.Scheme == "unix" && !File.Exists(Endpoint.LocalPath), $"no Docker engine reachable: {Endpoint} does not exist");
        try
        {
            using var client = new DockerClientBuilder().WithEndpoint(Endpoint).WithTimeout(TimeSpan.FromSeconds(10)).Build();
            return await client.System.GetVersionAsync(Token);
        }
        catch (Exception e) when (e is HttpRequestException or DockerApiException or IOException or TimeoutException or OperationCanceledException && !Token.IsCancellationRequested)
        {
            Assert.Skip($"no Docker engine reachable at {Endpoint}: {e.Message}");
            throw;
        }
    }

    private static bool TooOldForTestcontainers(VersionResponse engine) =>
        Version.Parse(engine.APIVersion) < new DockerEndpointAuthenticationConfiguration(Endpoint).Version;

    private static string EngineFacts(VersionResponse engine) => $"Docker Engine {engine.Version} (API {engine.APIVersion}) at {Endpoint}";

    [Fact]
    public async Task Auto_on_this_engine_says_which_engine_it_found_and_why_it_chose_what_it_chose()
    {
        var engine = await EngineAsync();
        var required = new DockerEndpointAuthenticationConfiguration(Endpoint).Version;

        var watch = Stopwatch.StartNew();
        var selection = await KafkaTargetFactory.FromEnvironment(WithTarget("auto")).SelectAsync(Token);
        watch.Stop();

        TestContext.Current.TestOutputHelper?.WriteLine($"{selection} [decided in {watch.ElapsedMilliseconds} ms]");
        if (TooOldForTestcontainers(engine))
        {
            selection.Kind.Should().Be(TargetKind.Embedded);
            selection.Reason.Should().Be($"{EngineFacts(engine)} is older than Testcontainers needs (API {required}{EngineSuffix(required)}), so the embedded mock cluster is used");
        }
        else
        {
            // A newer engine: docker when the images are present or pullable, else embedded naming the image.
            (selection.Kind == TargetKind.Docker || selection.Reason.StartsWith("image ", StringComparison.Ordinal)).Should().BeTrue(selection.ToString());
        }
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), "auto decides with bounded checks");
    }

    [Fact]
    public async Task Docker_on_an_engine_too_old_for_testcontainers_fails_fast_with_the_engines_facts()
    {
        var engine = await EngineAsync();
        Assert.SkipUnless(TooOldForTestcontainers(engine), $"{EngineFacts(engine)} is new enough for Testcontainers: the fail-fast path is for engines it cannot use");
        var required = new DockerEndpointAuthenticationConfiguration(Endpoint).Version;

        var watch = Stopwatch.StartNew();
        var result = await KafkaTargetFactory.FromEnvironment(WithTarget("docker")).SelectAndStartAsync(new ClusterRequest(), Token);
        watch.Stop();

        TestContext.Current.TestOutputHelper?.WriteLine($"{result} [in {watch.ElapsedMilliseconds} ms]");
        result.Status.Should().Be(ClusterStartStatus.Failed);
        result.Cluster.Should().BeNull();
        result.Reason.Should().Be($"the docker target cannot run on this engine: {EngineFacts(engine)} is older than Testcontainers needs (API {required}{EngineSuffix(required)})");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30));
    }

    private static string EngineSuffix(Version required) =>
        KafkaResilience.Docker.Endpoint.DockerEngineRequirements.FirstEngineFor(required) is { } first ? $", Engine {first}+" : string.Empty;
}
