namespace KafkaResilience.Workflow.Tests;

/// <summary>One step of a workflow job: its job, its name (or what it runs or uses), and its <c>run:</c> or <c>uses:</c>.</summary>
public sealed record WorkflowStep(string Job, string Name, string? Run, string? Uses);
