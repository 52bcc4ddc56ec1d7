namespace KafkaResilience.Docker.Endpoint;

/// <summary>
/// What the docker target needs of an engine, as pure checks over measured <see cref="DockerEngineFacts"/>:
/// an API range that includes the version Testcontainers asks for (1.44 for Testcontainers 4.16, or
/// <c>DOCKER_API_VERSION</c>), Testcontainers' own discovery finding the engine, and every image present
/// or pullable. Each check returns null when satisfied, else the sentence a run prints and records.
/// </summary>
public static class DockerEngineRequirements
{
    // Docker's API version matrix (docs.docker.com/reference/api/engine/#api-version-matrix), the releases that introduced each version.
    private static readonly IReadOnlyDictionary<Version, string> FirstEngine = new Dictionary<Version, string>
    {
        [new Version(1, 40)] = "19.03",
        [new Version(1, 41)] = "20.10",
        [new Version(1, 42)] = "23.0",
        [new Version(1, 43)] = "24.0",
        [new Version(1, 44)] = "25",
        [new Version(1, 45)] = "26",
        [new Version(1, 46)] = "27",
        [new Version(1, 48)] = "28",
    };

    /// <summary>The first Docker Engine release that speaks this API version, when known ("25" for 1.44).</summary>
    public static string? FirstEngineFor(Version apiVersion) => FirstEngine.GetValueOrDefault(apiVersion);

    /// <summary>The engine's API range must include the version Testcontainers asks for.</summary>
    public static string? ApiProblem(DockerEngineFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var required = facts.RequiredApiVersion;
        if (facts.ApiVersion < required)
        {
            var engine = FirstEngineFor(required) is { } first ? $", Engine {first}+" : string.Empty;
            return $"{facts.Describe()} is older than Testcontainers needs (API {required}{engine})";
        }
        if (facts.MinApiVersion > required)
            return $"{facts.Describe()} no longer accepts API {required}, which Testcontainers asks for (its oldest is API {facts.MinApiVersion}; DOCKER_API_VERSION sets what Testcontainers asks for)";
        return null;
    }

    /// <summary>Testcontainers must have found the engine itself, or it will not start a container on it.</summary>
    public static string? DiscoveryProblem(DockerEngineFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.TestcontainersEndpoint is null
            ? $"{facts.Describe()} answers, but Testcontainers' endpoint discovery did not find it usable (check DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH, the docker context, ~/.testcontainers.properties)"
            : null;
    }

    /// <summary>Every image must be present or pullable; the first that is neither is named with how to provide it.</summary>
    public static string? ImageProblem(DockerEngineFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var missing = facts.Images.FirstOrDefault(i => !i.IsUsable);
        return missing is null
            ? null
            : $"image {missing.Name} is not on {facts.Describe()} and cannot be pulled ({missing.Problem}); provide it without a registry: " +
              $"'docker pull {missing.Name} && docker save {missing.Name} -o image.tar' on a machine that can pull, then 'docker load -i image.tar' here";
    }

    /// <summary>The first unmet requirement, in the order a user fixes them (engine, discovery, images), or null.</summary>
    public static string? Problem(DockerEngineFacts facts) => ApiProblem(facts) ?? DiscoveryProblem(facts) ?? ImageProblem(facts);
}
