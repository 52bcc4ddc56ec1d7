using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace KafkaResilience.Reqnroll.Xunit;

/// <summary>
/// Stops a feature host before it discovers or runs anything when its configuration is wrong (an invalid profile, a
/// features folder that does not exist, a target setting its check refuses): the message goes to standard error and
/// the process exits with <see cref="ExitCode"/>. A failing test case would not do, because a <c>--filter</c> can
/// leave it out and turn the run into "all skipped" or "zero tests ran"; the pipeline start-up runs whatever the
/// filter. Register it with <c>[assembly: TestPipelineStartup(typeof(FeatureHostStartup))]</c> beside the host's
/// <see cref="FeatureHostAttribute"/>.
/// </summary>
public sealed class FeatureHostStartup : ITestPipelineStartup
{
    /// <summary>The process exit code for a configuration error (Microsoft.Testing.Platform's "unknown error", never 0 or 8).</summary>
    public const int ExitCode = 1;

    /// <summary>The first words of the message, so that logs and tests can find it.</summary>
    public const string MessagePrefix = "The feature host's configuration is invalid:";

    public ValueTask StartAsync(IMessageSink diagnosticMessageSink)
    {
        var host = HostAssembly();
        if (host is not null && FeatureHostSettings.For(host).ConfigurationError is { } error)
        {
            Console.Error.WriteLine($"{MessagePrefix}{Environment.NewLine}{error}");
            Console.Error.Flush();
            Environment.Exit(ExitCode);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask StopAsync() => ValueTask.CompletedTask;

    /// <summary>The assembly that declares [FeatureHost]: the test executable itself, else the first loaded one that does.</summary>
    private static Assembly? HostAssembly()
    {
        var entry = Assembly.GetEntryAssembly();
        if (entry?.GetCustomAttribute<FeatureHostAttribute>() is not null) return entry;
        return AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => !a.IsDynamic && a.GetCustomAttribute<FeatureHostAttribute>() is not null);
    }
}
