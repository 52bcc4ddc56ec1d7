namespace KafkaResilience.Docker.Endpoint;

/// <summary>What a Docker probe concluded.</summary>
public enum DockerProbeOutcome
{
    /// <summary>An engine answers, Testcontainers can talk to it, and every image is present or pullable.</summary>
    Usable,

    /// <summary>An engine answers but the docker target cannot run on it (too old, an image missing...): the reason says which.</summary>
    Unusable,

    /// <summary>No engine answered at all.</summary>
    NoEngine,
}
