namespace FamilyPortal.Web.Features.Families.MyFile;

/// <summary>What <c>_FileField</c> draws.</summary>
public sealed record FileField(string Name, string Label, string? Value, string? Error, bool Pending,
    string Type = "text", bool Multiline = false, string Autocomplete = "off");
