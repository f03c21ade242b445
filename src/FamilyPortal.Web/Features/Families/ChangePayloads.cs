using System.Text.Json;
using FamilyPortal.Web.Features.Families.Rules;

namespace FamilyPortal.Web.Features.Families;

/// <summary>Before and after of a section, as a change request stores them.</summary>
public sealed record ChangePayload<T>(T Before, T After);

/// <summary>Reads and writes the values of a change request: in clear JSON, or sealed for the fiche sanitaire.</summary>
public sealed class ChangePayloads(SensitiveData sensitive)
{
    public void Write<T>(ChangeRequest request, ChangePayload<T> payload)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Section == ChangeSection.Health)
        {
            request.SealedValues = sensitive.SealJson(payload);
            request.Values = null;
        }
        else
        {
            request.Values = JsonSerializer.Serialize(payload);
            request.SealedValues = null;
        }
    }

    public ChangePayload<T> Read<T>(ChangeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.SealedValues is { } sealedValues
            ? sensitive.OpenJson<ChangePayload<T>>(sealedValues)
            : JsonSerializer.Deserialize<ChangePayload<T>>(request.Values ?? "null")
                ?? throw new InvalidDataException("A change request holds no values.");
    }

    /// <summary>The changed fields of any section, with the children's names for contacts.</summary>
    public IReadOnlyList<FieldChange> ChangesOf(ChangeRequest request, IReadOnlyDictionary<int, string> childNames)
    {
        ArgumentNullException.ThrowIfNull(request);
        switch (request.Section)
        {
            case ChangeSection.Family:
                var family = Read<FamilyFileValues>(request);
                return FamilyFileValues.Differences(family.Before, family.After);
            case ChangeSection.Contacts:
                var contacts = Read<List<ContactValues>>(request);
                return ContactValues.Differences(contacts.Before, contacts.After, childNames);
            default:
                var health = Read<HealthSheet>(request);
                return HealthSheetFields.Differences(health.Before, health.After);
        }
    }

    public HealthSheet OpenSheet(byte[] sealedSheet) => sensitive.OpenJson<HealthSheet>(sealedSheet);

    public static string SectionLabel(ChangeSection section, string? childName) => section switch
    {
        ChangeSection.Family => "Famille",
        ChangeSection.Contacts => "Contacts et personnes autorisées",
        _ => $"Fiche sanitaire{(childName is null ? "" : $" de {childName}")}",
    };
}
