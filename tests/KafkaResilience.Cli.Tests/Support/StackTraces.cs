using System.Text.RegularExpressions;

namespace KafkaResilience.Cli.Tests.Support;

/// <summary>Recognises a .NET stack trace or an unhandled-exception report in a program's output.</summary>
internal static partial class StackTraces
{
    public static bool In(string output) => Frame().IsMatch(output) || output.Contains("Unhandled exception", StringComparison.Ordinal);

    [GeneratedRegex(@"^\s+at \S+.*\)( in .*)?$", RegexOptions.Multiline)]
    private static partial Regex Frame();
}
