namespace KafkaResilience.Targets.Selection;

/// <summary>
/// A file a setting names (a JSON settings file, a CA certificate), read or checked with an answer that says what is wrong
/// with it, and where: missing, a folder instead of a file, not readable by this user; never a raw .NET message that points
/// at the wrong cause (a folder answered as "access denied").
/// </summary>
public static class SettingFile
{
    /// <summary>The text of the file <paramref name="variable"/> names; <paramref name="what"/> says what it should be ("a JSON settings file").</summary>
    public static string ReadText(string variable, string path, string what)
    {
        if (Problem(variable, path, what) is { } problem) throw new TargetConfigurationException(problem);
        try
        {
            return File.ReadAllText(path);
        }
        catch (UnauthorizedAccessException)
        {
            throw new TargetConfigurationException($"{variable}='{path}' cannot be read: permission denied for the user the suite runs as ({Environment.UserName}); it should be {what}.");
        }
        catch (IOException e)
        {
            throw new TargetConfigurationException($"{variable}='{path}' cannot be read ({e.GetType().Name}: {e.Message}); it should be {what}.", e);
        }
    }

    /// <summary>What is wrong with the file <paramref name="variable"/> names, or null when it is a file that exists.</summary>
    public static string? Problem(string variable, string path, string what)
    {
        if (string.IsNullOrWhiteSpace(path)) return $"{variable} is set but empty; it should name {what}.";
        if (Directory.Exists(path)) return $"{variable}='{path}' is a folder, not a file; it should name {what} itself.";
        return File.Exists(path) ? null : $"{variable}='{path}' does not exist; it should name {what}.";
    }
}
