namespace FamilyPortal.Web.Data.Migrations;

/// <summary>
/// Before <c>WaitingCount</c>, a « Valider » counted the lines that joined a waiting list among its cancellations;
/// its summary lines tell them apart (« Liste d'attente · … »), so the counts of the past are set right from them.
/// </summary>
internal static class WaitingCountRepair
{
    private const string Marker = "Liste d''attente ·";

    /// <param name="length">The database's function for a string's length.</param>
    /// <param name="unicode">The prefix of a Unicode literal (SQL Server's N), or nothing.</param>
    public static string Sql(string length, string unicode = "")
    {
        var joins = $"""({length}("Summary") - {length}(REPLACE("Summary", {unicode}'{Marker}', ''))) / {length}({unicode}'{Marker}')""";
        return $"""
            UPDATE "BasketValidations" SET "WaitingCount" = {joins}, "CancelledCount" = "CancelledCount" - {joins}
            WHERE "Summary" LIKE {unicode}'%{Marker}%'
            """;
    }
}
