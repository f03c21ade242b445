using System.Globalization;

namespace FamilyPortal.Tests.Support;

/// <summary>A trigger that makes the database refuse the insert of some rows, to test what a failed save leaves, in the test database's dialect.</summary>
public sealed record RefusingTrigger(string Create, string Drop)
{
    public static RefusingTrigger OnInsert(string name, string table, string column, int value)
    {
        var when = value.ToString(CultureInfo.InvariantCulture);
        return TestDatabase.IsPostgreSql
            ? new(
                $"""
                CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refusé pour le test'; END $$;
                CREATE TRIGGER {name} BEFORE INSERT ON "{table}" FOR EACH ROW WHEN (NEW."{column}" = {when}) EXECUTE FUNCTION {name}();
                """,
                $"DROP TRIGGER {name} ON \"{table}\"; DROP FUNCTION {name}();")
            : new(
                $"CREATE TRIGGER {name} BEFORE INSERT ON {table} WHEN NEW.{column} = {when} BEGIN SELECT RAISE(ABORT, 'refusé pour le test'); END;",
                $"DROP TRIGGER {name};");
    }
}
