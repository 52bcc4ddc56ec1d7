using System.Text.Json;

namespace KafkaResilience.Cli.Tests.Support;

/// <summary>A folder of Allure 2 results: each scenario's result by name, and its attachments by name.</summary>
internal sealed class AllureResults
{
    private readonly List<JsonElement> _results;

    public AllureResults(string folder)
    {
        Folder = folder;
        _results = [.. Directory.EnumerateFiles(folder, "*-result.json").Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement)];
    }

    public string Folder { get; }

    public JsonElement Scenario(string titleStart)
    {
        var matching = _results.Where(r => r.GetProperty("name").GetString()!.StartsWith(titleStart, StringComparison.Ordinal)).ToList();
        matching.Should().ContainSingle($"one result is named \"{titleStart} ...\"; the results are: {string.Join(" | ", _results.Select(r => r.GetProperty("name").GetString()))}");
        return matching[0];
    }

    public string Message(JsonElement result) =>
        result.TryGetProperty("statusDetails", out var details) && details.ValueKind == JsonValueKind.Object && details.TryGetProperty("message", out var message)
            ? message.GetString() ?? ""
            : "";

    public string Text(JsonElement result, string attachment)
    {
        var source = result.GetProperty("attachments").EnumerateArray().Single(a => a.GetProperty("name").GetString() == attachment).GetProperty("source").GetString()!;
        return File.ReadAllText(Path.Combine(Folder, source));
    }

    public JsonElement Json(JsonElement result, string attachment) => JsonDocument.Parse(Text(result, attachment)).RootElement;
}
