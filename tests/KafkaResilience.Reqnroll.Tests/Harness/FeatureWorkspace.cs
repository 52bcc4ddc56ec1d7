namespace KafkaResilience.Reqnroll.Tests.Harness;

/// <summary>A temporary features folder for one test, deleted afterwards.</summary>
public sealed class FeatureWorkspace : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("kr-reqnroll-host-").FullName;

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
