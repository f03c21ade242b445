"""Copies the seeded SQLite database of the load scenario into a PostgreSQL database whose schema the portal's
own migrations have just made (the same model, so the same tables and columns): every table emptied, then
filled with COPY, then each identity sequence moved past the highest id, so that the portal's next insert
takes a new one.

Usage: to_postgresql.py SQLITE_FILE CONNECTION_STRING
  CONNECTION_STRING: the portal's own, « Host=…;Port=…;Username=…;Password=…;Database=… »"""

import io
import sqlite3
import sys
import time

import psycopg2

MIGRATIONS = "__EFMigrationsHistory"


def dsn(connection_string):
    """The portal's connection string (Npgsql's keywords) as libpq keywords."""
    names = {"host": "host", "port": "port", "username": "user", "password": "password", "database": "dbname"}
    pairs = (part.split("=", 1) for part in connection_string.split(";") if "=" in part)
    return " ".join("{}='{}'".format(names[k.strip().lower()], v.strip()) for k, v in pairs if k.strip().lower() in names)


def copy_text(value):
    """One value in COPY's text format."""
    if value is None:
        return "\\N"
    if isinstance(value, bytes):
        return "\\\\x" + value.hex()
    text = str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def main(sqlite_file, connection_string):
    started = time.monotonic()
    source = sqlite3.connect("file:{}?mode=ro".format(sqlite_file), uri=True)
    target = psycopg2.connect(dsn(connection_string))
    target.autocommit = False
    cursor = target.cursor()
    # Instants are written as SQLite holds them, in UTC; the foreign keys are checked by the source already.
    cursor.execute("SET TIME ZONE 'UTC'; SET session_replication_role = replica;")
    cursor.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")
    tables = sorted(name for (name,) in cursor.fetchall() if name != MIGRATIONS)
    cursor.execute("TRUNCATE {} RESTART IDENTITY CASCADE".format(", ".join('"{}"'.format(t) for t in tables)))
    rows = 0
    for table in tables:
        columns = [row[1] for row in source.execute('PRAGMA table_info("{}")'.format(table))]
        if not columns:
            sys.exit("table {} is not in the SQLite database: the two schemas differ".format(table))
        buffer = io.StringIO()
        for row in source.execute("SELECT {} FROM \"{}\"".format(", ".join('"{}"'.format(c) for c in columns), table)):
            buffer.write("\t".join(copy_text(v) for v in row))
            buffer.write("\n")
            rows += 1
        buffer.seek(0)
        cursor.copy_expert('COPY "{}" ({}) FROM STDIN'.format(table, ", ".join('"{}"'.format(c) for c in columns)), buffer)
    cursor.execute("""
        SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND (is_identity = 'YES' OR column_default LIKE 'nextval(%%')""")
    for table, column in cursor.fetchall():
        cursor.execute("""SELECT setval(pg_get_serial_sequence(%s, %s), COALESCE((SELECT MAX("{}") FROM "{}"), 0) + 1, false)"""
                       .format(column, table), ('"{}"'.format(table), column))
    target.commit()
    cursor.execute("ANALYZE")
    target.commit()
    print("{:,} rows of {} tables copied to PostgreSQL in {:.1f} s".format(rows, len(tables), time.monotonic() - started))


if __name__ == "__main__":
    main(*sys.argv[1:3])
