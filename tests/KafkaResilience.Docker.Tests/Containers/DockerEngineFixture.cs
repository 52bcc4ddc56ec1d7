using System.Formats.Tar;
using Docker.DotNet;
using Docker.DotNet.Models;
using Version = System.Version;

namespace KafkaResilience.Docker.Tests.Containers;

/// <summary>
/// A real Docker engine for the fault-call tests, or the reason there is none: the engine at DOCKER_HOST
/// (else the default socket), a client pinned to the API version the engine itself reports (1.41 on
/// Debian 12's 20.10), an image imported from Debian's busybox-static (no registry needed: nothing is
/// pulled), and one network. Everything it or a test creates carries a label of this run and is removed
/// on dispose, whatever happened.
/// </summary>
public sealed class DockerEngineFixture : IAsyncLifetime
{
    /// <summary>Where Debian's busybox-static puts its single static binary.</summary>
    public const string BusyboxPath = "/bin/busybox";

    private const string RunLabel = "kafka-resilience.test-run";

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly string _run = Guid.NewGuid().ToString("N")[..12];
    private int _disposed;

    /// <summary>Why the tests cannot run here, or null.</summary>
    public string? SkipReason { get; private set; }

    public DockerClient Client { get; private set; } = null!;

    public Uri Endpoint { get; } = new(Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host ? host : "unix:///var/run/docker.sock");

    /// <summary>The engine's own account of itself: "20.10.24+dfsg1 (API 1.41)".</summary>
    public string EngineDescription { get; private set; } = string.Empty;

    public Version ApiVersion { get; private set; } = new(0, 0);

    public string Image => $"kafka-resilience-busybox:{_run}";

    public string Network => $"kafka-resilience-test-{_run}";

    public IDictionary<string, string> Labels => new Dictionary<string, string> { [RunLabel] = _run };

    public async ValueTask InitializeAsync()
    {
        if (Endpoint.Scheme == "unix" && !File.Exists(Endpoint.LocalPath))
        {
            SkipReason = $"no Docker engine reachable: {Endpoint} does not exist (CI starts one; see .ci/run)";
            return;
        }
        if (!File.Exists(BusyboxPath))
        {
            SkipReason = $"{BusyboxPath} is missing: the test image is made from Debian's busybox-static (.ci/install-prerequisites installs it)";
            return;
        }
        using var timeout = new CancellationTokenSource(RequestTimeout);
        VersionResponse version;
        try
        {
            using var unversioned = new DockerClientBuilder().WithEndpoint(Endpoint).WithTimeout(RequestTimeout).Build();
            version = await unversioned.System.GetVersionAsync(timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException or DockerApiException or OperationCanceledException or IOException or TimeoutException)
        {
            SkipReason = $"no Docker engine reachable at {Endpoint}: {e.Message}";
            return;
        }
        ApiVersion = Version.Parse(version.APIVersion);
        EngineDescription = $"{version.Version} (API {version.APIVersion})";
        Client = new DockerClientBuilder().WithEndpoint(Endpoint).WithApiVersion(ApiVersion).WithTimeout(RequestTimeout).Build();

        try
        {
            using var rootfs = BusyboxRootfs();
            await Client.Images.CreateImageAsync(
                new ImagesCreateParameters { FromSrc = "-", Repo = Image.Split(':')[0], Tag = _run },
                rootfs, null, new Progress<JSONMessage>(), timeout.Token);
            await Client.Networks.CreateNetworkAsync(new NetworksCreateParameters { Name = Network, Driver = "bridge", Labels = Labels }, timeout.Token);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates and starts a container of the test image on the network under <paramref name="alias"/>.</summary>
    public async Task<string> RunAsync(string alias, string script, CancellationToken cancellationToken)
    {
        var created = await Client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = Image,
            Cmd = ["/bin/sh", "-c", script],
            Labels = Labels,
            HostConfig = new HostConfig { NetworkMode = Network },
            NetworkingConfig = new NetworkingConfig
            {
                EndpointsConfig = new Dictionary<string, EndpointSettings> { [Network] = new() { Aliases = [alias] } },
            },
        }, cancellationToken);
        await Client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cancellationToken);
        return created.ID;
    }

    /// <summary>Runs a one-off container on the network and returns its exit code and output (bounded).</summary>
    public async Task<(long ExitCode, string Output)> RunToEndAsync(string script, CancellationToken cancellationToken)
    {
        var id = await RunAsync($"peer-{Guid.NewGuid():N}"[..16], script, cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        var exit = await Client.Containers.WaitContainerAsync(id, timeout.Token);
        using var logs = await Client.Containers.GetContainerLogsAsync(id, new ContainerLogsParameters { ShowStdout = true, ShowStderr = true }, timeout.Token);
        var (stdout, stderr) = await logs.ReadOutputToEndAsync(timeout.Token);
        await Client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true }, timeout.Token);
        return (exit.StatusCode, stdout + stderr);
    }

    public async ValueTask DisposeAsync()
    {
        if (Client is null || Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        using var timeout = new CancellationTokenSource(RequestTimeout);
        try
        {
            var filter = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{RunLabel}={_run}"] = true } };
            foreach (var container in await Client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter }, timeout.Token))
                await Client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true }, timeout.Token);
            foreach (var network in await Client.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filter }, timeout.Token))
                await Client.Networks.DeleteNetworkAsync(network.ID, timeout.Token);
            await Client.Images.DeleteImageAsync(Image, new ImageDeleteParameters { Force = true }, timeout.Token);
        }
        catch (DockerImageNotFoundException)
        {
            // The import never happened.
        }
        finally
        {
            Client.Dispose();
        }
    }

    // A root filesystem of one static busybox and the applet links the tests use, as the tar `docker import` takes.
    private static MemoryStream BusyboxRootfs()
    {
        var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Ustar, leaveOpen: true))
        {
            writer.WriteEntry(new UstarTarEntry(TarEntryType.Directory, "bin/") { Mode = (UnixFileMode)0b111_101_101 });
            writer.WriteEntry(BusyboxPath, "bin/busybox");
            foreach (var applet in new[] { "sh", "sleep", "echo", "nslookup", "cat" })
                writer.WriteEntry(new UstarTarEntry(TarEntryType.SymbolicLink, $"bin/{applet}") { LinkName = "busybox", Mode = (UnixFileMode)0b111_111_111 });
        }
        tar.Position = 0;
        return tar;
    }
}
