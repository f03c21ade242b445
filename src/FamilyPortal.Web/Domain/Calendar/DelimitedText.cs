namespace FamilyPortal.Web.Domain.Calendar;

/// <summary>
/// Rows of a CSV file separated by « ; » or « , » (the one the first line uses most), with quoted cells
/// (« "a;b" », doubled quotes inside). Each row keeps the number of the line it starts on, for messages.
/// </summary>
public static class DelimitedText
{
    public sealed record Row(int LineNumber, IReadOnlyList<string> Cells)
    {
        public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
    }

    public static char SeparatorOf(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        var first = end < 0 ? text : text[..end];
        return first.Count(c => c == ',') > first.Count(c => c == ';') ? ',' : ';';
    }

    public static IReadOnlyList<Row> Read(string text)
    {
        var separator = SeparatorOf(text);
        var rows = new List<Row>();
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var line = 1;
        var rowLine = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.ToString().Trim().Length == 0)
            {
                quoted = true;
                cell.Clear();
            }
            else if (c == separator)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                cells.Add(cell.ToString());
                cell.Clear();
                rows.Add(new Row(rowLine, cells));
                cells = [];
                line++;
                rowLine = line;
            }
            else
            {
                cell.Append(c);
            }
        }
        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            rows.Add(new Row(rowLine, cells));
        }
        return rows;
    }
}
