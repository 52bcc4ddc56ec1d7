using System.Diagnostics;
using Docker.DotNet;

namespace KafkaResilience.Docker.Endpoint;

/// <summary>
/// Probes Docker endpoints with the engine's <c>/_ping</c>, each bounded by a short timeout: the
/// <c>DOCKER_HOST</c> endpoint when set, otherwise the usual local sockets (a socket file that does
/// not exist is skipped at once). Never throws for an absent engine; says what it tried instead.
/// </summary>
public sealed class DockerEndpointProbe : IDockerEndpointProbe
{
    /// <summary>Default time one endpoint gets to answer.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(1);

    private readonly IReadOnlyList<Uri> _candidates;
    private readonly TimeSpan _timeout;

    /// <summary>Probes exactly these endpoints, in order, each for at most <paramref name="timeout"/>.</summary>
    public DockerEndpointProbe(IReadOnlyList<Uri> candidates, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0)
            throw new ArgumentException("At least one Docker endpoint must be given.", nameof(candidates));
        if (timeout <= TimeSpan.Zero || timeout > TimeSpan.FromSeconds(30))
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The probe timeout must be between 0 and 30 s.");
        _candidates = candidates;
        _timeout = timeout;
    }

    /// <summary>The endpoints Docker clients would use here: DOCKER_HOST if set, else the local sockets.</summary>
    public static IReadOnlyList<Uri> DefaultCandidates(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var dockerHost = environment("DOCKER_HOST");
        if (!string.IsNullOrWhiteSpace(dockerHost) && Uri.TryCreate(dockerHost, UriKind.Absolute, out var explicitHost))
            return [explicitHost];
        if (OperatingSystem.IsWindows())
            return [new Uri("npipe://./pipe/docker_engine")];

        var candidates = new List<Uri> { new("unix:///var/run/docker.sock") };
        var home = environment("HOME");
        if (!string.IsNullOrWhiteSpace(home))
            candidates.Add(new Uri("unix://" + Path.Combine(home, ".docker", "run", "docker.sock")));
        var runtimeDir = environment("XDG_RUNTIME_DIR");
        if (!string.IsNullOrWhiteSpace(runtimeDir))
            candidates.Add(new Uri("unix://" + Path.Combine(runtimeDir, "docker.sock")));
        return candidates;
    }

    public async Task<DockerEndpointProbeResult> ProbeAsync(CancellationToken cancellationToken = default)
    {
        var failures = new List<string>();
        foreach (var endpoint in _candidates)
        {
            if (endpoint.Scheme == "unix" && !File.Exists(endpoint.LocalPath))
            {
                failures.Add($"{endpoint} (no such socket)");
                continue;
            }

            var watch = Stopwatch.StartNew();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_timeout);
            try
            {
                using var client = new DockerClientBuilder().WithEndpoint(endpoint).WithTimeout(_timeout).Build();
                await client.System.PingAsync(timeout.Token).ConfigureAwait(false);
                var version = await client.System.GetVersionAsync(timeout.Token).ConfigureAwait(false);
                return DockerEndpointProbeResult.Available(endpoint, $"engine {version.Version}, API {version.APIVersion}, {watch.ElapsedMilliseconds} ms");
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failures.Add($"{endpoint} (no answer within {_timeout.TotalMilliseconds:0} ms)");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failures.Add($"{endpoint} ({FirstMessage(e)})");
            }
        }
        return DockerEndpointProbeResult.Unavailable("tried " + string.Join("; ", failures));
    }

    private static string FirstMessage(Exception e)
    {
        var inner = e is AggregateException { InnerExceptions.Count: > 0 } a ? a.InnerExceptions[0] : e;
        return inner.InnerException is { } cause ? $"{inner.Message} {cause.Message}" : inner.Message;
    }
}
