using KafkaResilience.Reqnroll.Running;
using Reqnroll.Infrastructure;
using Reqnroll.Tracing;

namespace KafkaResilience.Reqnroll.Xunit;

/// <summary>
/// What Reqnroll does with <c>IReqnrollOutputHelper.AddAttachment(path)</c>: the file's bytes join the running scenario's
/// attachments (on the step running now), so they reach the Allure report like every other attachment; the Cucumber
/// reports embed the file themselves. A file that cannot be read is named in the output instead.
/// </summary>
public sealed class HostAttachmentHandler(IContextManager contextManager, ITraceListener trace) : IReqnrollAttachmentHandler
{
    public void AddAttachment(string filePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        var container = contextManager.ScenarioContext?.ScenarioContainer;
        if (container is null || !container.IsRegistered<RunningScenario>())
        {
            trace.WriteToolOutput($"Attachment '{filePath}' added outside a scenario; only the Cucumber reports keep it.");
            return;
        }

        try
        {
            var extension = Path.GetExtension(filePath).TrimStart('.');
            container.Resolve<RunningScenario>().Attach(Path.GetFileName(filePath), MediaTypeOf(extension), File.ReadAllBytes(filePath), extension);
        }
        catch (IOException e)
        {
            trace.WriteToolOutput($"Attachment '{filePath}' could not be read: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            trace.WriteToolOutput($"Attachment '{filePath}' could not be read: {e.Message}");
        }
    }

    private static string MediaTypeOf(string extension) => extension.ToLowerInvariant() switch
    {
        "png" => "image/png",
        "jpg" or "jpeg" => "image/jpeg",
        "svg" => "image/svg+xml",
        "json" => "application/json",
        "html" or "htm" => "text/html",
        "csv" => "text/csv",
        "txt" or "log" => "text/plain",
        _ => "application/octet-stream",
    };
}
