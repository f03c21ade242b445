namespace FamilyPortal.Web.Features.DirectDebit;

/// <summary>The fields of a mandate as a parent or an agent types them, and their checks (French messages by field).</summary>
public sealed class MandateInput
{
    public string? AccountHolder { get; set; }
    public string? Iban { get; set; }
    public string? Bic { get; set; }
    /// <summary>The parent's box « J'accepte le mandat » (value « true »).</summary>
    public string? Accept { get; set; }
    /// <summary>The date written on the paper mandate (staff only).</summary>
    public DateOnly? SignedOn { get; set; }

    public sealed record Checked(string AccountHolder, string Iban, string Bic);

    /// <summary>The values cleaned, or null with the errors added by field name (« Input.Iban »…).</summary>
    public Checked? Check(Action<string, string> error, string prefix = "Input.")
    {
        ArgumentNullException.ThrowIfNull(error);
        var valid = true;
        var holder = (AccountHolder ?? "").Trim();
        if (holder.Length is 0 or > 70)
        {
            error(prefix + nameof(AccountHolder), "Saisissez le nom du titulaire du compte, 70 caractères au plus.");
            valid = false;
        }
        else if (!holder.All(c => char.IsLetter(c) || SepaText.IsAllowed(c) || c is '’' or '&') || !holder.Any(char.IsLetter))
        {
            error(prefix + nameof(AccountHolder), "Le nom du titulaire ne peut contenir que des lettres, des chiffres, des espaces et les signes - ' . , / ( ) + ? :");
            valid = false;
        }
        if (!DirectDebit.Rules.Iban.TryParse(Iban, out var iban, out var ibanError))
        {
            error(prefix + nameof(Iban), ibanError);
            valid = false;
        }
        if (!DirectDebit.Rules.Bic.TryParse(Bic, out var bic, out var bicError))
        {
            error(prefix + nameof(Bic), bicError);
            valid = false;
        }
        else if (valid && bic[4..6] != iban[..2] && !(iban[..2] is "GF" or "GP" or "MQ" or "RE" or "YT" or "PM" or "BL" or "MF" or "MC" && bic[4..6] == "FR"))
        {
            error(prefix + nameof(Bic), $"Ce BIC est celui d'une banque d'un autre pays ({bic[4..6]}) que l'IBAN ({iban[..2]}) : vérifiez-le sur votre RIB.");
            valid = false;
        }
        return valid ? new Checked(holder, iban, bic) : null;
    }
}
