namespace FamilyPortal.Web.Features.Messages;

/// <summary>What the message fields show: the label of the text, the text sent back after an error, and ids' prefix.</summary>
public sealed record MessageFieldsView(string TextLabel, string? Text, string Prefix = "");
