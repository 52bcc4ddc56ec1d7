using System.Diagnostics;
using Docker.DotNet;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;

namespace KafkaResilience.Docker.Endpoint;

/// <summary>
/// Decides, within bounded time, whether the docker target can run here. The engine is the one
/// Testcontainers' own discovery resolves (DOCKER_HOST and its TLS variables, the docker context,
/// ~/.testcontainers.properties, the Desktop, Colima, Rancher and rootless sockets), used with the
/// authentication it resolved. Its facts (version, API range) are then read with plain unversioned
/// requests, which every engine answers, and judged by <see cref="DockerEngineRequirements"/>; last the
/// cluster's images are looked up (present, else pullable), never pulled. When Testcontainers finds no
/// engine, the usual endpoints (<see cref="DefaultCandidates"/>) are asked only to explain why, e.g. an
/// engine too old for the API version Testcontainers asks for. Never throws for an absent engine.
/// </summary>
public sealed class DockerEndpointProbe : IDockerEndpointProbe
{
    /// <summary>Default time one request to the engine gets to answer.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Bound on Testcontainers' discovery (it pings each endpoint it knows, once per process).</summary>
    public static readonly TimeSpan DiscoveryTimeout = TimeSpan.FromSeconds(10);

    private readonly IReadOnlyList<Uri> _candidates;
    private readonly TimeSpan _timeout;
    private readonly Func<IDockerEndpointAuthenticationConfiguration?> _discover;
    private readonly Func<bool> _resourceReaperEnabled;

    /// <summary>
    /// Probes the engine Testcontainers resolves; <paramref name="diagnosticCandidates"/> are asked only to explain
    /// a failed discovery. Each request is bounded by <paramref name="timeout"/>.
    /// </summary>
    public DockerEndpointProbe(IReadOnlyList<Uri> diagnosticCandidates, TimeSpan timeout)
        : this(diagnosticCandidates, timeout, () => TestcontainersSettings.OS.DockerEndpointAuthConfig, () => TestcontainersSettings.ResourceReaperEnabled)
    {
    }

    /// <summary>As above, with Testcontainers' discovery and its resource-reaper setting injected (tests).</summary>
    public DockerEndpointProbe(
        IReadOnlyList<Uri> diagnosticCandidates,
        TimeSpan timeout,
        Func<IDockerEndpointAuthenticationConfiguration?> discover,
        Func<bool> resourceReaperEnabled)
    {
        ArgumentNullException.ThrowIfNull(diagnosticCandidates);
        if (diagnosticCandidates.Count == 0)
            throw new ArgumentException("At least one Docker endpoint must be given.", nameof(diagnosticCandidates));
        if (timeout <= TimeSpan.Zero || timeout > TimeSpan.FromSeconds(30))
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The probe timeout must be between 0 and 30 s.");
        _candidates = diagnosticCandidates;
        _timeout = timeout;
        _discover = discover ?? throw new ArgumentNullException(nameof(discover));
        _resourceReaperEnabled = resourceReaperEnabled ?? throw new ArgumentNullException(nameof(resourceReaperEnabled));
    }

    /// <summary>The endpoints asked when Testcontainers finds none: DOCKER_HOST if set, else the usual local sockets.</summary>
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

    public async Task<DockerEndpointProbeResult> ProbeAsync(IReadOnlyList<string> images, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        var watch = Stopwatch.StartNew();

        var (resolved, discoveryNote) = await DiscoverAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<IDockerEndpointAuthenticationConfiguration> endpoints = resolved is not null
            ? [resolved]
            : _candidates.Select(uri => (IDockerEndpointAuthenticationConfiguration)new DockerEndpointAuthenticationConfiguration(uri)).ToArray();

        var failures = new List<string>();
        DockerEngineFacts? facts = null;
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Endpoint.Scheme == "unix" && !File.Exists(endpoint.Endpoint.LocalPath))
            {
                failures.Add($"{endpoint.Endpoint} (no such socket)");
                continue;
            }
            try
            {
                facts = await ReadFactsAsync(endpoint, cancellationToken).ConfigureAwait(false) with { TestcontainersEndpoint = resolved };
                break;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failures.Add($"{endpoint.Endpoint} (no answer within {_timeout.TotalMilliseconds:0} ms)");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failures.Add($"{endpoint.Endpoint} ({FirstMessage(e)})");
            }
        }

        if (facts is null)
        {
            var found = resolved is null ? $"Testcontainers found none ({discoveryNote}); " : string.Empty;
            return DockerEndpointProbeResult.NoEngine($"{found}tried {string.Join("; ", failures)}");
        }
        if ((DockerEngineRequirements.ApiProblem(facts) ?? DockerEngineRequirements.DiscoveryProblem(facts)) is { } engineProblem)
            return DockerEndpointProbeResult.Unusable(facts, engineProblem);

        var needed = _resourceReaperEnabled() ? images.Append(Definition.DockerImages.ResourceReaper) : images;
        facts = facts with { Images = await CheckImagesAsync(resolved!, needed.Distinct(StringComparer.Ordinal).ToArray(), cancellationToken).ConfigureAwait(false) };
        if (DockerEngineRequirements.ImageProblem(facts) is { } imageProblem)
            return DockerEndpointProbeResult.Unusable(facts, imageProblem);

        var pullable = facts.Images.Where(i => !i.Present).Select(i => i.Name).ToArray();
        var detail = $"engine {facts.EngineVersion}, API {facts.ApiVersion}, Testcontainers asks for {facts.RequiredApiVersion}; " +
                     (pullable.Length == 0 ? "every image present" : $"to pull: {string.Join(", ", pullable)}") + $"; {watch.ElapsedMilliseconds} ms";
        return DockerEndpointProbeResult.Usable(facts, detail);
    }

    // Testcontainers resolves its endpoint once per process, pinging with the API version it will use; bounded here.
    private async Task<(IDockerEndpointAuthenticationConfiguration? Endpoint, string Note)> DiscoverAsync(CancellationToken cancellationToken)
    {
        try
        {
            var endpoint = await Task.Run(_discover, cancellationToken).WaitAsync(DiscoveryTimeout, cancellationToken).ConfigureAwait(false);
            return (endpoint, endpoint is null ? "no endpoint it knows answered its API version" : "found");
        }
        catch (TimeoutException)
        {
            return (null, $"its discovery did not finish within {DiscoveryTimeout.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (null, $"its discovery failed: {FirstMessage(e)}");
        }
    }

    private async Task<DockerEngineFacts> ReadFactsAsync(IDockerEndpointAuthenticationConfiguration endpoint, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        using var client = UnversionedClient(endpoint);
        await client.System.PingAsync(timeout.Token).ConfigureAwait(false);
        var version = await client.System.GetVersionAsync(timeout.Token).ConfigureAwait(false);
        return new DockerEngineFacts(
            endpoint.Endpoint,
            version.Version ?? "unknown",
            ParseApi(version.APIVersion, "APIVersion"),
            ParseApi(version.MinAPIVersion, "MinAPIVersion"),
            endpoint.Version);
    }

    private async Task<IReadOnlyList<DockerImageFact>> CheckImagesAsync(IDockerEndpointAuthenticationConfiguration endpoint, IReadOnlyList<string> images, CancellationToken cancellationToken)
    {
        using var client = UnversionedClient(endpoint);
        var facts = new List<DockerImageFact>();
        foreach (var image in images)
        {
            var name = TestcontainersImageName(image, endpoint);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_timeout);
            try
            {
                await client.Images.InspectImageAsync(name, timeout.Token).ConfigureAwait(false);
                facts.Add(DockerImageFact.Local(name));
                continue;
            }
            catch (DockerImageNotFoundException)
            {
                // Not here: can the engine's registry serve it?
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                facts.Add(DockerImageFact.Missing(name, $"the engine did not say within {_timeout.TotalMilliseconds:0} ms whether it has it"));
                continue;
            }
            facts.Add(await PullCheckAsync(client, name, cancellationToken).ConfigureAwait(false));
        }
        return facts;
    }

    // The registry's manifest, asked through the engine (GET /distribution/{name}/json): a lookup, not a pull.
    private async Task<DockerImageFact> PullCheckAsync(DockerClient client, string name, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            await client.Distribution.InspectAsync(name, timeout.Token).ConfigureAwait(false);
            return DockerImageFact.Pullable(name);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DockerImageFact.Missing(name, $"its registry did not answer within {_timeout.TotalMilliseconds:0} ms");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return DockerImageFact.Missing(name, FirstMessage(e));
        }
    }

    // Without an API version Docker.DotNet sends unversioned paths, which an engine of any age answers.
    private DockerClient UnversionedClient(IDockerEndpointAuthenticationConfiguration endpoint)
    {
        var builder = new DockerClientBuilder().WithEndpoint(endpoint.Endpoint).WithTimeout(_timeout);
        if (endpoint.AuthProvider is { } auth)
            builder = builder.WithAuthProvider(auth);
        return builder.Build();
    }

    // The name Testcontainers will look for (its Docker Hub prefix and substitution applied), built but never started.
    private static string TestcontainersImageName(string image, IDockerEndpointAuthenticationConfiguration endpoint) =>
        new ContainerBuilder(image).WithDockerEndpoint(endpoint).Build().Image.FullName;

    private static Version ParseApi(string? text, string field) =>
        Version.TryParse(text, out var version) ? version : throw new FormatException($"The engine's {field} '{text}' is not a version.");

    private static string FirstMessage(Exception e)
    {
        var inner = e is AggregateException { InnerExceptions.Count: > 0 } a ? a.InnerExceptions[0] : e;
        var message = inner.InnerException is { } cause ? $"{inner.Message} {cause.Message}" : inner.Message;
        return message.ReplaceLineEndings(" ").Trim();
    }
}
