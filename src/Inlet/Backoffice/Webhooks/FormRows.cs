namespace Inlet.Backoffice.Webhooks;

/// <summary>What the criterion partial draws: one row of the filter, named <paramref name="Prefix"/> (<c>Form.Groups[0].Criteria[1]</c>).</summary>
public sealed record CriterionRow(WebhookFormPage Page, string Prefix, CriterionForm Criterion, string Label, string RemoveCommand);

/// <summary>What the mapping partial draws: mapping number <paramref name="Index"/> + 1.</summary>
public sealed record MappingRow(WebhookFormPage Page, int Index, MappingForm Mapping);
