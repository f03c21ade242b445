namespace FamilyPortal.Web.Data.Demo;

/// <summary>The DUPOND family's question about the canteen, and the town hall's answer, not read yet by the family.</summary>
public static class DemoMessages
{
    public const string Subject = "Restauration scolaire";

    public static void Add(FamilyPortalDbContext db, Family family, string administratorId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(family);
        var asked = now.AddDays(-2);
        var answered = now.AddDays(-1);
        var thread = new MessageThread
        {
            MunicipalityId = family.MunicipalityId,
            FamilyId = family.Id,
            Subject = Subject,
            Status = ThreadStatus.InProgress,
            AssignedAccountId = administratorId,
            CreatedAtUtc = asked,
            UpdatedAtUtc = answered,
        };
        thread.Messages.Add(new Message
        {
            MunicipalityId = family.MunicipalityId,
            AuthorSide = MessageSide.Parent,
            AuthorName = "Famille DUPOND",
            Text = "Bonjour,\nNotre fils mange sans porc : faut-il le signaler ailleurs que dans la fiche sanitaire ?\nMerci.",
            SentAtUtc = asked,
            ReadByFamilyAtUtc = asked,
            ReadByStaffAtUtc = answered,
        });
        thread.Messages.Add(new Message
        {
            MunicipalityId = family.MunicipalityId,
            AuthorSide = MessageSide.Staff,
            AuthorAccountId = administratorId,
            AuthorName = "Mairie d'Ecrouves",
            Text = "Bonjour,\nLa fiche sanitaire suffit : le régime y est indiqué et la cantine en est informée.\nBonne journée.",
            SentAtUtc = answered,
            ReadByStaffAtUtc = answered,
        });
        db.Add(thread);
    }
}
