namespace KafkaResilience.Cli.Tests.Support;

/// <summary>The folders of one child process: its TMPDIR (checked empty after it ends) and a work folder for its reports.</summary>
internal sealed record ChildFolders(string Root)
{
    public string Temp => Path.Combine(Root, "tmp");

    public string Work => Path.Combine(Root, "work");

    public static ChildFolders Create()
    {
        var folders = new ChildFolders(Path.Combine(Path.GetTempPath(), "kr-cli-tests-" + Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(folders.Temp);
        Directory.CreateDirectory(folders.Work);
        return folders;
    }
}
