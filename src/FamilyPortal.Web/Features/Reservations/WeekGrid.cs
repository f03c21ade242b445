namespace FamilyPortal.Web.Features.Reservations;

/// <summary>One week of the grid: its heading, its day columns, a row per activity.</summary>
public sealed record WeekGrid(DateOnly Monday, IReadOnlyList<DateOnly> Days, IReadOnlyList<GridRow> Rows)
{
    public int IsoWeek => FrenchDates.IsoWeek(Monday);

    /// <summary>« Semaine 8 du 20/02/2017 au 24/02/2017 ».</summary>
    public string Heading => $"Semaine {IsoWeek} du {FrenchDates.Numeric(Days[0])} au {FrenchDates.Numeric(Days[^1])}";
}

public sealed record GridRow(Activity Activity, IReadOnlyList<GridCell> Cells);

public sealed record GridCell(DateOnly Date, CellState State, string? Reason, bool PublicHoliday = false)
{
    /// <summary>The cell's state in words; a public holiday says « férié » rather than « fermé ».</summary>
    public string Text => PublicHoliday ? "férié" : State.Describe();

    /// <summary>The value posted by the cell's button: « activityId:yyyy-MM-dd ».</summary>
    public string Value(int activityId) => $"{activityId}:{Date:yyyy-MM-dd}";
}
