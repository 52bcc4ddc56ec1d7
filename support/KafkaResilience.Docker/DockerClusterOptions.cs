using DotNet.Testcontainers.Configurations;

namespace KafkaResilience.Docker;

/// <summary>
/// How the docker target starts and watches its containers. Validated before anything starts;
/// errors name the setting and its allowed range.
/// </summary>
public sealed record DockerClusterOptions
{
    /// <summary>
    /// Docker endpoint and its authentication (TLS...) to use: the one Testcontainers resolved and the target
    /// probe checked; null lets Testcontainers discover it again.
    /// </summary>
    public IDockerEndpointAuthenticationConfiguration? DockerEndpoint { get; init; }

    /// <summary>Bound on pulling, starting and waiting for every container and for all brokers to appear in metadata.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Bound on each Admin API request (describe topic, create topic, coordinator...).</summary>
    public TimeSpan AdminRequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a clean stop waits for controlled shutdown before Docker kills the broker.</summary>
    public TimeSpan CleanStopGrace { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often partition leaders are read through the Admin API to record leadership changes.</summary>
    public TimeSpan LeadershipPollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Clock for leadership-change timestamps.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public void Validate()
    {
        Range(nameof(StartupTimeout), StartupTimeout, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(30));
        Range(nameof(AdminRequestTimeout), AdminRequestTimeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5));
        Range(nameof(CleanStopGrace), CleanStopGrace, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        Range(nameof(LeadershipPollInterval), LeadershipPollInterval, TimeSpan.FromMilliseconds(50), TimeSpan.FromMinutes(1));
        if (TimeProvider is null)
            throw new ArgumentException($"{nameof(TimeProvider)} must be set (TimeProvider.System or a fake clock).", nameof(TimeProvider));
        if (DockerEndpoint is { Endpoint: var endpoint } && endpoint?.Scheme is not ("unix" or "npipe" or "tcp" or "http" or "https"))
            throw new ArgumentException($"{nameof(DockerEndpoint)} must be a unix://, npipe://, tcp:// or http(s):// URI; got {endpoint}.", nameof(DockerEndpoint));
    }

    private static void Range(string name, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
            throw new ArgumentException($"{name} must be between {min} and {max}; got {value}.", name);
    }
}
