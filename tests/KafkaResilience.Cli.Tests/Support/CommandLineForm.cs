namespace KafkaResilience.Cli.Tests.Support;

/// <summary>
/// One way a user runs <c>kafka-resilience</c>: the shipped NativeAOT executable (<see cref="Native"/>, as
/// .ci/publish-cli installs it) or the framework-dependent build run with dotnet (<see cref="Dotnet"/>, what
/// <c>dotnet run</c> starts). Tests over both prove the two answer alike; a form that was not built is skipped
/// with the command that builds it.
/// </summary>
internal sealed record CommandLineForm(string Name, string FileName, IReadOnlyList<string> Prefix)
{
    public const string Dotnet = "dotnet";
    public const string Native = "native";

    /// <summary>Both forms' names.</summary>
    public static IReadOnlyList<string> All { get; } = [Native, Dotnet];

    /// <summary>Both forms, as theory data.</summary>
    public static TheoryData<string> Names => new(All);

    /// <summary>The form by name; skips the test when the native executable was not built.</summary>
    public static CommandLineForm Of(string name) => name switch
    {
        Dotnet => new CommandLineForm(Dotnet, BuiltPrograms.Dotnet, [BuiltPrograms.CommandLine]),
        Native => File.Exists(BuiltPrograms.NativeCommandLine)
            ? new CommandLineForm(Native, BuiltPrograms.NativeCommandLine, [])
            : throw SkipNative(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, $"Forms are {Native} and {Dotnet}."),
    };

    /// <summary>Starts the command line with <paramref name="arguments"/> as a child process of its own group.</summary>
    public ChildProcess Start(params string[] arguments) => ChildProcess.Start(FileName, [.. Prefix, .. arguments]);

    private static Exception SkipNative()
    {
        Assert.Skip($"the shipped executable was not built ({BuiltPrograms.NativeCommandLine}); .ci/publish-cli builds and installs it");
        return new InvalidOperationException("unreachable: Assert.Skip throws");
    }
}
