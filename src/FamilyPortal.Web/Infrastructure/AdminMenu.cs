namespace FamilyPortal.Web.Infrastructure;

/// <summary>The tabs of the town-hall pages, in order. Some are for administrators only (rules, prices, staff).</summary>
public static class AdminMenu
{
    public sealed record Entry(string Path, string Label, bool AdministratorsOnly = false);

    public static readonly IReadOnlyList<Entry> Entries =
    [
        new("/admin", "Tableau de bord"),
        new("/admin/familles", "Familles"),
        new("/admin/demandes", "Demandes de modification"),
        new("/admin/pieces", "Pièces"),
        new("/admin/reservations", "Réservations"),
        new("/admin/pointage", "Pointage"),
        new("/admin/inscriptions", "Inscriptions"),
        new("/admin/sites", "Sites"),
        new("/admin/prestations", "Prestations"),
        new("/admin/calendrier", "Calendrier"),
        new("/admin/calendrier/fermetures", "Fermetures"),
        new("/admin/actualites", "Actualités"),
        new("/admin/messages", "Messagerie"),
        new("/admin/factures", "Factures"),
        new("/admin/equipe", "Équipe", AdministratorsOnly: true),
        // Administrators only: the journal is the oversight of everyone's work (colleagues' actions, parents'
        // identifiants); an agent sees who booked or cancelled a child's day on that child's bookings page.
        new("/admin/journal", "Journal", AdministratorsOnly: true),
    ];

    public static IEnumerable<(string Path, string Label)> For(bool administrator) =>
        Entries.Where(e => administrator || !e.AdministratorsOnly).Select(e => (e.Path, e.Label));
}
