namespace KafkaResilience.Gherkin.Tests.Harness;

/// <summary>A temporary features folder for one test, deleted afterwards.</summary>
public sealed class FeatureWorkspace : IDisposable
{
    public FeatureWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "kr-gherkin-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
