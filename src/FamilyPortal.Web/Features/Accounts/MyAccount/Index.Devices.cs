using Microsoft.AspNetCore.Mvc;

namespace FamilyPortal.Web.Features.Accounts.MyAccount;

/// <summary>« Mon compte »'s remembered devices: the list, and « Oublier cet appareil » one by one.</summary>
public partial class IndexModel
{
    /// <summary>The devices that stay signed in, most recently used first.</summary>
    public List<RememberedDevice> Devices { get; private set; } = [];

    /// <summary>The SHA-256 of this browser's device secret, to mark « cet appareil ».</summary>
    public string? CurrentDeviceHash { get; private set; }

    /// <summary>The device is forgotten, and the sessions it started end at once.</summary>
    public async Task<IActionResult> OnPostForgetDeviceAsync(Guid appareil, CancellationToken ct)
    {
        if (await LoadAsync() is { } missing)
        {
            return missing;
        }
        var device = Devices.FirstOrDefault(d => d.Id == appareil);
        if (device is null || !await devices.ForgetAsync(Account.Id, appareil, ct))
        {
            return NotFound();
        }
        logger.LogInformation("Appareil mémorisé oublié pour le compte {AccountId}", Account.Id);
        return Done($"L'appareil « {device.Label} » ne restera plus connecté.");
    }
}
