namespace KafkaResilience.Reporting.Allure;

/// <summary>An attachment file to put in the results folder under <see cref="FileName"/> (<c>{uuid}-attachment.{ext}</c>).</summary>
public sealed record AllureFile(string FileName, string MediaType, byte[] Content);
