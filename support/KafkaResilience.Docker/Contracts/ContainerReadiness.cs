namespace KafkaResilience.Docker.Contracts;

/// <summary>
/// How a container is judged ready: the log line the docker target waits for (a regular expression), the HTTP path
/// it polls, or the health check docker-compose.yml runs. Any of them may be absent.
/// </summary>
public sealed record ContainerReadiness(string? LogPattern, string? HttpPath, IReadOnlyList<string> HealthCheck)
{
    /// <summary>No readiness check at all.</summary>
    public static ContainerReadiness None { get; } = new(null, null, []);
}
