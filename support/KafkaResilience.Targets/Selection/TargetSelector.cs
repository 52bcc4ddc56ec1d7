using System.Globalization;
using KafkaResilience.Docker.Endpoint;

namespace KafkaResilience.Targets.Selection;

/// <summary>
/// Chooses the target from <c>KAFKA_RESILIENCE_TARGET</c>: <c>auto</c> (default) is docker when a
/// Docker endpoint answers the probe, else embedded; <c>docker</c> without an engine is
/// "unavailable" with one reason (so scenarios skip within seconds instead of failing one by one);
/// an unknown value throws naming the variable and the allowed values.
/// </summary>
public sealed class TargetSelector
{
    /// <summary>The values <c>KAFKA_RESILIENCE_TARGET</c> accepts.</summary>
    public static readonly IReadOnlyList<string> AllowedValues = ["auto", "embedded", "docker", "external"];

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

    public async Task<TargetSelection> SelectAsync(CancellationToken cancellationToken = default)
    {
        var requested = RequestedTarget(_environment);
        switch (requested)
        {
            case "embedded":
                return new TargetSelection(requested, TargetKind.Embedded, "asked for explicitly", null, null);
            case "external":
                return new TargetSelection(requested, TargetKind.External, "asked for explicitly", null, null);
            case "docker":
            {
                var probe = await _dockerProbe.ProbeAsync(cancellationToken).ConfigureAwait(false);
                return probe.IsAvailable
                    ? new TargetSelection(requested, TargetKind.Docker, probe.ToString(), null, probe)
                    : new TargetSelection(requested, TargetKind.Docker, "asked for explicitly",
                        $"the docker target needs a Docker engine, and {probe}", probe);
            }
            default:
            {
                var probe = await _dockerProbe.ProbeAsync(cancellationToken).ConfigureAwait(false);
                return probe.IsAvailable
                    ? new TargetSelection(requested, TargetKind.Docker, probe.ToString(), null, probe)
                    : new TargetSelection(requested, TargetKind.Embedded, $"{probe}, so the embedded mock cluster is used", null, probe);
            }
        }
    }
}
