"""After the run: what the database holds against what the parents were told.

- no overbooking: active bookings per activity and day never above the capacity (the day's override if any),
  and every day counter equal to its bookings;
- every validated basket present: each « Valider » that led to a summary has its row, for that account,
  with the counts the parent read, and the account's bookings add up to what its summaries said;
- every confirmation email in the outbox, one per validation that booked, cancelled or joined a waiting list.

Usage: check.py DATABASE MANIFEST JOURNEYS_JSONL MAIL_FOLDER OUTPUT_JSON
       check.py --wait-outbox SECONDS DATABASE   (waits until the outbox has sent everything)
DATABASE: the SQLite file, or the portal's PostgreSQL connection string (« Host=…;…;Database=… »). The queries
quote their identifiers, which both databases read the same way."""

import collections
import json
import os
import sqlite3
import sys
import time

CONFIRMATION = "Confirmation de vos réservations%"


class Database:
    """The few calls the checks make, on SQLite or PostgreSQL; parameters are written « ? »."""

    def __init__(self, target):
        self.postgresql = target.startswith("Host=")
        if self.postgresql:
            import psycopg2
            from to_postgresql import dsn
            self.connection = psycopg2.connect(dsn(target))
            self.connection.autocommit = True
        else:
            self.connection = sqlite3.connect("file:{}?mode=ro".format(target), uri=True, timeout=30)

    def execute(self, sql, parameters=()):
        if not self.postgresql:
            return self.connection.execute(sql, parameters)
        cursor = self.connection.cursor()
        cursor.execute(sql.replace("%", "%%").replace("?", "%s"), parameters)
        return cursor

    def close(self):
        self.connection.close()


def connect(target):
    return Database(target)


def wait_outbox(seconds, path):
    deadline = time.monotonic() + seconds
    while True:
        db = connect(path)
        waiting = db.execute('SELECT COUNT(*) FROM "OutboxMessages" WHERE "SentAtUtc" IS NULL').fetchone()[0]
        db.close()
        if waiting == 0 or time.monotonic() > deadline:
            return waiting
        time.sleep(2)


def check(path, manifest_path, journeys_path, mail, output):
    manifest = json.load(open(manifest_path, encoding="utf-8"))
    journeys = [json.loads(line) for line in open(journeys_path, encoding="utf-8")]
    db = connect(path)
    accounts = dict(db.execute('SELECT "UserName", "Id" FROM "AspNetUsers"'))
    emails = {a["login"]: a["email"] for a in manifest["accounts"]}

    places = 'COALESCE(o."Capacity", a."Capacity")'
    per_day = """
        FROM "Bookings" b JOIN "Activities" a ON a."Id" = b."ActivityId"
        LEFT JOIN "CapacityOverrides" o ON o."ActivityId" = b."ActivityId" AND o."Date" = b."Date"
        WHERE b."CancelledAtUtc" IS NULL
        GROUP BY a."Id", a."Label", a."Capacity", b."Date", o."Capacity"
        HAVING {places} IS NOT NULL""".format(places=places)
    overbooked = [(label, str(day), n, limit) for label, day, n, limit in db.execute(
        'SELECT a."Label", b."Date", COUNT(*), {places} {per_day} AND COUNT(*) > {places}'.format(places=places, per_day=per_day)).fetchall()]
    full_days = db.execute("""
        SELECT COUNT(*) FROM (SELECT 1 {per_day} AND COUNT(*) >= {places}
            AND SUM(CASE WHEN b."CreatedByAccountId" IS NOT NULL THEN 1 ELSE 0 END) > 0) AS full_day""".format(
        places=places, per_day=per_day)).fetchone()[0]
    counters = db.execute("""
        SELECT COUNT(*) FROM "ActivityDayLoads" l
        LEFT JOIN (SELECT "ActivityId", "Date", COUNT(*) AS n FROM "Bookings" WHERE "CancelledAtUtc" IS NULL GROUP BY "ActivityId", "Date") b
            ON b."ActivityId" = l."ActivityId" AND b."Date" = l."Date"
        WHERE l."Booked" != COALESCE(b.n, 0)""").fetchone()[0]

    validations = {row[0]: tuple(row[1:]) for row in db.execute(
        'SELECT "Id", "AccountId", "BookedCount", "CancelledCount", "RefusedCount" FROM "BasketValidations"')}
    validated = [j for j in journeys if j.get("validation") is not None and "booked" in j]
    missing = [j for j in validated
               if validations.get(j["validation"]) != (accounts.get(j["login"]), j["booked"], j["cancelled"], j["refused"])]

    # A parent stopped by the time limit while « Valider » was on its way may or may not have booked: its
    # account is left out of the comparison (and counted). A « Valider » answered with an error rolled back.
    def outcome_unknown(j):
        if j["ok"] or "booked" in j:
            return False
        if j.get("step") == "9 récapitulatif":
            return True
        return j.get("step") == "8 valider" and not j.get("error", "").startswith("8 valider: 5")
    unknown = {accounts.get(j["login"]) for j in journeys if outcome_unknown(j)}
    expected_bookings = collections.Counter()
    for j in validated:
        expected_bookings[accounts.get(j["login"])] += j["booked"]
    found_bookings = collections.Counter(dict(db.execute(
        'SELECT "CreatedByAccountId", COUNT(*) FROM "Bookings" WHERE "CreatedByAccountId" IS NOT NULL AND "CancelledAtUtc" IS NULL GROUP BY 1')))
    compared = (set(expected_bookings) | set(found_bookings)) - unknown
    accounts_differing = sum(1 for a in compared if expected_bookings[a] != found_bookings[a])

    expected_mail = collections.Counter(emails[j["login"]] for j in validated if j["booked"] + j["cancelled"] + j.get("waiting", 0) > 0)
    found_mail = collections.Counter()
    sent = 0
    for address, count, sent_count in db.execute(
            'SELECT "ToAddress", COUNT(*), SUM(CASE WHEN "SentAtUtc" IS NOT NULL THEN 1 ELSE 0 END) FROM "OutboxMessages" WHERE "Subject" LIKE ? GROUP BY "ToAddress"',
            (CONFIRMATION,)):
        found_mail[address] = count
        sent += sent_count
    emails_missing = sum(max(0, n - found_mail[a]) for a, n in expected_mail.items())
    files = sum(1 for name in os.listdir(mail) if name.endswith(".eml")) if os.path.isdir(mail) else 0
    pending = db.execute('SELECT COUNT(*) FROM "BasketLines" WHERE "RefusalReason" IS NULL').fetchone()[0]
    refused_full = db.execute('SELECT COUNT(*) FROM "BasketLines" WHERE "RefusalReason" = \'complet\'').fetchone()[0]

    result = {
        "overbooked": len(overbooked),
        "overbooked_examples": [list(r) for r in overbooked[:5]],
        "counter_mismatches": counters,
        "full_days": full_days,
        "validations": len(validated),
        "validations_in_database": len(validations),
        "validations_missing": len(missing),
        "bookings_expected": sum(expected_bookings[a] for a in compared),
        "bookings_found": sum(found_bookings[a] for a in compared),
        "validations_cut": len(unknown),
        "accounts_differing": accounts_differing,
        "emails_expected": sum(expected_mail.values()),
        "emails_missing": emails_missing,
        "emails_sent": sent,
        "eml_files": files,
        "basket_lines_pending": pending,
        "basket_lines_refused_full": refused_full,
    }
    result["ok"] = (result["overbooked"] == 0 and counters == 0 and not missing and accounts_differing == 0
                    and emails_missing == 0)
    json.dump(result, open(output, "w"), indent=1)
    return result


if __name__ == "__main__":
    if sys.argv[1] == "--wait-outbox":
        print(wait_outbox(float(sys.argv[2]), sys.argv[3]))
    else:
        result = check(*sys.argv[1:6])
        print("checks: {}".format("passed" if result["ok"] else "FAILED"))
