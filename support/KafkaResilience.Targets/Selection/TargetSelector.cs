using System.Globalization;
using KafkaResilience.Docker.Definition;
using KafkaResilience.Docker.Endpoint;

namespace KafkaResilience.Targets.Selection;

/// <summary>
/// Chooses the target from <c>KAFKA_RESILIENCE_TARGET</c>. <c>auto</c> (default) is docker only when the
/// probe finds an engine the docker target can run on (Testcontainers finds and accepts it, its images
/// are present or pullable), else embedded, with the probe's reason (e.g. "Docker Engine 20.10.24 (API
/// 1.41) ... is older than Testcontainers needs (API 1.44, Engine 25+)"). <c>docker</c> without any
/// engine is "unavailable" (every Kafka scenario skipped with one reason); <c>docker</c> on an engine it
/// cannot use fails with the reason. Unknown values of the target or of <c>KAFKA_RESILIENCE_KAFKA_STACK</c>
/// throw naming the variable and the allowed values.
/// </summary>
public sealed class TargetSelector
{
    /// <summary>The values <c>KAFKA_RESILIENCE_TARGET</c> accepts.</summary>
    public static readonly IReadOnlyList<string> AllowedValues = ["auto", "embedded", "docker", "external"];

    /// <summary>The values <c>KAFKA_RESILIENCE_KAFKA_STACK</c> accepts.</summary>
    public static readonly IReadOnlyList<string> AllowedStacks = ["kraft", "zookeeper"];

    private readonly Func<string, string?> _environment;
    private readonly IDockerEndpointProbe _dockerProbe;

    public TargetSelector(Func<string, string?> environment, IDockerEndpointProbe dockerProbe)
    {
        _environment = environment ?? throw new ArgumentNullException(nameof(environment));
        _dockerProbe = dockerProbe ?? throw new ArgumentNullException(nameof(dockerProbe));
    }

    /// <summary>The real environment and a real Docker probe (timeout from <c>KAFKA_RESILIENCE_DOCKER_PROBE_TIMEOUT_MS</c>).</summary>
    public static TargetSelector FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    public static TargetSelector FromEnvironment(Func<string, string?> environment) =>
        new(environment, new DockerEndpointProbe(DockerEndpointProbe.DefaultCandidates(environment), ProbeTimeout(environment)));

    /// <summary>Reads the requested target; throws <see cref="TargetConfigurationException"/> for an unknown value.</summary>
    public static string RequestedTarget(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var raw = environment(TargetEnvironmentVariables.Target);
        var value = string.IsNullOrWhiteSpace(raw) ? "auto" : raw.Trim().ToLowerInvariant();
        if (!AllowedValues.Contains(value))
            throw new TargetConfigurationException(
                $"{TargetEnvironmentVariables.Target}='{raw}' is not a target; allowed values: {string.Join(", ", AllowedValues)} (default auto).");
        return value;
    }

    /// <summary>Reads the docker target's Kafka stack; throws <see cref="TargetConfigurationException"/> for an unknown value.</summary>
    public static KafkaStack RequestedStack(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var raw = environment(TargetEnvironmentVariables.KafkaStack);
        var value = string.IsNullOrWhiteSpace(raw) ? "kraft" : raw.Trim().ToLowerInvariant();
        return value switch
        {
            "kraft" => KafkaStack.Kraft,
            "zookeeper" => KafkaStack.ZooKeeper,
            _ => throw new TargetConfigurationException(
                $"{TargetEnvironmentVariables.KafkaStack}='{raw}' is not a Kafka stack; allowed values: {string.Join(", ", AllowedStacks)} (default kraft)."),
        };
    }

    /// <summary>The Docker probe timeout; throws naming the variable when it is not 1-30000 ms.</summary>
    public static TimeSpan ProbeTimeout(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var raw = environment(TargetEnvironmentVariables.DockerProbeTimeoutMs);
        if (string.IsNullOrWhiteSpace(raw))
            return DockerEndpointProbe.DefaultTimeout;
        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) || ms is < 1 or > 30_000)
            throw new TargetConfigurationException($"{TargetEnvironmentVariables.DockerProbeTimeoutMs}='{raw}' must be a whole number of milliseconds from 1 to 30000.");
        return TimeSpan.FromMilliseconds(ms);
    }

    /// <summary>The images a docker cluster of this stack runs (what the probe looks up on the engine).</summary>
    public static IReadOnlyList<string> ImagesOf(KafkaStack stack) => new KafkaClusterBuilder().WithStack(stack).Build().Images;

    public async Task<TargetSelection> SelectAsync(CancellationToken cancellationToken = default)
    {
        var requested = RequestedTarget(_environment);
        var stack = RequestedStack(_environment);
        switch (requested)
        {
            case "embedded":
                return new TargetSelection(requested, TargetKind.Embedded, "asked for explicitly", null, null) { Stack = stack };
            case "external":
                return new TargetSelection(requested, TargetKind.External, "asked for explicitly", null, null) { Stack = stack };
            case "docker":
            {
                var probe = await _dockerProbe.ProbeAsync(ImagesOf(stack), cancellationToken).ConfigureAwait(false);
                return probe.Outcome switch
                {
                    DockerProbeOutcome.Usable => new TargetSelection(requested, TargetKind.Docker, $"{StackName(stack)}; {probe}", null, probe) { Stack = stack },
                    DockerProbeOutcome.NoEngine => new TargetSelection(requested, TargetKind.Docker, "asked for explicitly",
                        $"the docker target needs a Docker engine, and {probe}", probe) { Stack = stack },
                    _ => new TargetSelection(requested, TargetKind.Docker, "asked for explicitly", null, probe)
                    {
                        Stack = stack,
                        FailureReason = $"the docker target cannot run on this engine: {probe}",
                    },
                };
            }
            default:
            {
                var probe = await _dockerProbe.ProbeAsync(ImagesOf(stack), cancellationToken).ConfigureAwait(false);
                return probe.IsAvailable
                    ? new TargetSelection(requested, TargetKind.Docker, $"{StackName(stack)}; {probe}", null, probe) { Stack = stack }
                    : new TargetSelection(requested, TargetKind.Embedded, $"{probe}, so the embedded mock cluster is used", null, probe) { Stack = stack };
            }
        }
    }

    private static string StackName(KafkaStack stack) =>
        stack == KafkaStack.ZooKeeper ? "Kafka 2.2 on ZooKeeper (KAFKA_RESILIENCE_KAFKA_STACK=zookeeper)" : "Apache Kafka KRaft";
}
