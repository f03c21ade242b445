"""Opening day of registrations: every virtual parent arrives once and goes through the parents' guide.

Home page, « Je me connecte », the week grid, « Réserver en Vue Période », « Réserver sur une période »
for a month (for both children when the family has two), « Valider », the summary, « Se déconnecter »,
with think time between the steps. Parents arrive at LOAD_PARENTS / LOAD_DURATION per second (locust's
spawn rate); a parent who has finished stays idle, so that locust does not start another one in its
place, and the run ends when every parent has finished.

A parent whose device was remembered (load/remember.py, the share given by --remembered) opens « Je me
connecte » with that device's cookie and is signed in at once, without a password. The others type their
password; when the checks queue, the sign-in answers with the waiting room, which the parent's page asks
again as its script does, until the sign-in completes.

Environment: LOAD_MANIFEST (manifest.json of the seeded database), LOAD_OUTPUT (folder for the
journeys and timings), LOAD_PARENTS, LOAD_DURATION (seconds), LOAD_THINK (mean pause in seconds),
LOAD_DEVICES (the remembered devices' cookies by arrival number, if any).

Behind the load balancer of several portal servers, each answer names its server (X-Portal-Node): the
journey counts its requests per server, to show that a parent's requests went to every server.
"""

import html
import itertools
import json
import math
import os
import random
import re
import time

import gevent
from locust import HttpUser, constant, events, task

MANIFEST = json.load(open(os.environ["LOAD_MANIFEST"], encoding="utf-8"))
OUTPUT = os.environ["LOAD_OUTPUT"]
PARENTS = int(os.environ["LOAD_PARENTS"])
DURATION = float(os.environ["LOAD_DURATION"])
THINK = float(os.environ.get("LOAD_THINK", "5"))
DEVICES = json.load(open(os.environ["LOAD_DEVICES"])) if os.path.exists(os.environ.get("LOAD_DEVICES", "")) else {}
DEVICE_COOKIE = "FamilyPortal.Device"
NODE_HEADER = "X-Portal-Node"
WAITING_ROOM = "/connexion/attente"
POSITION = re.compile(r"position : (\d+)")

ACCOUNTS = MANIFEST["accounts"]
MONTHS = MANIFEST["months"]
# Locust starts floor(rate) parents at once every floor(rate) / rate seconds: each waits a random part
# of that interval, so that arrivals are spread as they would be.
RATE = PARENTS / DURATION
ARRIVAL_SPREAD = max(1, math.floor(RATE)) / RATE

TOKEN = re.compile(r'name="__RequestVerificationToken"[^>]*\svalue="([^"]+)"')
ADDED = re.compile(r"(\d+) jours? ajoutés? au panier|Aucun jour n'a été ajouté au panier")
SUMMARY = re.compile(r"(\d+) réservation\(s\) et (\d+) annulation\(s\) enregistrée\(s\)"
                     r"(?: ; (\d+) inscription\(s\) en liste d'attente)?(?: ; (\d+) ligne\(s\) refusée\(s\))?")
SUMMARY_PATH = re.compile(r"^/panier/recapitulatif/(\d+)$")

arrivals = itertools.count()
journeys = []
timings = []
finished = 0


@events.request.add_listener
def record(request_type, name, response_time, response_length, exception, start_time=None, response=None, **_):
    status = getattr(response, "status_code", 0) or 0
    node = response.headers.get(NODE_HEADER) if response is not None else None
    timings.append((name, round(response_time, 2), response_length, exception is None, start_time, status, node))


@events.quitting.add_listener
def save(environment, **_):
    with open(os.path.join(OUTPUT, "requests.jsonl"), "w", encoding="utf-8") as out:
        for name, ms, size, ok, started, status, node in timings:
            out.write(json.dumps({"step": name, "ms": ms, "bytes": size, "ok": ok, "at": started, "status": status, "node": node}) + "\n")
    with open(os.path.join(OUTPUT, "journeys.jsonl"), "w", encoding="utf-8") as out:
        for journey in journeys:
            out.write(json.dumps(journey, ensure_ascii=False) + "\n")


class JourneyError(Exception):
    pass


class Parent(HttpUser):
    wait_time = constant(0)

    def on_start(self):
        self.done = False

    @task
    def opening_day(self):
        if self.done:
            gevent.sleep(3600)
            return
        gevent.sleep(random.uniform(0, ARRIVAL_SPREAD))
        number = next(arrivals)
        account = ACCOUNTS[number % len(ACCOUNTS)]
        month = MONTHS[min(number // len(ACCOUNTS), len(MONTHS) - 1)]
        # Each parent comes from its own address, as the reverse proxy in front of the portal reports it.
        self.client.headers["X-Forwarded-For"] = "127.{}.{}.{}".format(((number + 1) >> 16) & 255, ((number + 1) >> 8) & 255, (number + 1) & 255)
        self.client.headers["Accept-Language"] = "fr-FR,fr;q=0.9"
        device = DEVICES.get(str(number))
        journey = {"number": number, "login": account["login"], "email": account["email"], "start": time.time(),
                   "ok": False, "step": None, "added": None, "validation": None, "remembered": device is not None,
                   "waited_s": 0, "largest_position": 0, "nodes": {}}
        self.current = journey
        if device is not None:
            self.client.cookies.set(DEVICE_COOKIE, device)
        journeys.append(journey)
        try:
            self.journey(account, month, journey)
            journey["ok"] = True
        except JourneyError as error:
            journey["error"] = str(error)
        finally:
            journey["end"] = time.time()
            self.done = True
            global finished
            finished += 1
            if finished >= PARENTS:
                gevent.spawn_later(1, self.environment.runner.quit)

    def journey(self, account, month, journey):
        grid = "/reservations?enfant={}&service={}&semaine={}".format(account["child"], account["service"], month["monday"])

        journey["step"] = "1 accueil"
        self.get("/", "1 accueil", "Je me connecte")
        self.think()
        journey["step"] = "2 connexion"
        if journey["remembered"]:
            # « Je me connecte » on a remembered device: signed in by the device, straight to the landing page.
            started = time.time()
            landing = self.redirected("/connexion", "3 connexion (appareil mémorisé)")
        else:
            page = self.get("/connexion", "2 connexion (page)", "Mot de passe")
            self.think()
            started = time.time()
            landing = self.post("/connexion", "3 connexion (envoi)", {
                "Identifiant": account["login"], "Password": MANIFEST["password"], "__RequestVerificationToken": token(page)},
                redirect=None)
            if landing == WAITING_ROOM:
                landing = self.waiting_room(journey)
        journey["sign_in_ms"] = round((time.time() - started) * 1000, 1)
        if not landing.startswith("/") or landing.startswith("/connexion"):
            raise JourneyError("sign-in led to " + landing)
        # Where a parent lands after signing in (« Mes réservations », or the news where they come first).
        self.get(landing, "4 page d'arrivée", "Se déconnecter")
        self.think()
        journey["step"] = "5 grille"
        self.get(grid, "5 grille de la semaine", "Semaine ")
        self.think()
        journey["step"] = "6 vue période"
        page = self.get(grid + "&vue=periode", "6 vue période", "Réserver sur une période")
        self.think()
        journey["step"] = "7 réserver sur une période"
        form = [("__RequestVerificationToken", token(page)), ("enfant", account["child"]), ("service", account["service"]),
                ("semaine", month["monday"]), ("vue", "periode"), ("prestation", account["activity"]),
                ("du", month["from"]), ("au", month["to"])]
        form += [("jours", day) for day in (1, 2, 4, 5)]
        if account["siblings"]:
            form.append(("fratrie", "true"))
        page = self.post("/reservations?handler=Period", "7 réserver sur une période", form, expect_text="au panier")
        added = ADDED.search(page)
        journey["added"] = int(added.group(1) or 0)
        self.think()
        journey["step"] = "8 valider"
        summary = self.post("/panier?handler=Validate", "8 valider", {
            "__RequestVerificationToken": token(page), "retour": grid}, redirect=None)
        match = SUMMARY_PATH.match(summary)
        if match is None:
            if journey["added"] == 0 and summary.startswith("/reservations"):
                # Nothing went into the basket (every day full or booked already): « rien à valider ».
                journey["validation"] = None
            else:
                raise JourneyError("« Valider » led to " + summary)
        else:
            journey["validation"] = int(match.group(1))
            page = self.get(summary, "9 récapitulatif", "Récapitulatif de votre panier")
            counts = SUMMARY.search(page)
            if counts is None:
                raise JourneyError("summary without its counts")
            journey["booked"], journey["cancelled"] = int(counts.group(1)), int(counts.group(2))
            journey["waiting"], journey["refused"] = int(counts.group(3) or 0), int(counts.group(4) or 0)
        self.think()
        journey["step"] = "10 déconnexion"
        self.post("/deconnexion", "10 déconnexion", {"__RequestVerificationToken": token(page)}, redirect="/connexion")
        journey["step"] = None

    def waiting_room(self, journey):
        """« Vous êtes dans la file d'attente »: the page, then its script's questions after the delay the server
        chose, until the turn has come; the page's last request completes the sign-in."""
        started = time.time()
        page = self.get(WAITING_ROOM, "3 file d'attente (page)", "Vous êtes dans la file d'attente")
        refresh = re.search(r'data-refresh="(\d+)"', page)
        delay = int(refresh.group(1)) if refresh else 5
        position = POSITION.search(page)
        journey["largest_position"] = max(journey["largest_position"], int(position.group(1)) if position else 0)
        while True:
            gevent.sleep(delay)
            with self.client.get(WAITING_ROOM + "?handler=Etat", name="3 file d'attente (état)", catch_response=True, allow_redirects=False) as response:
                self.served(response)
                if response.status_code != 200:
                    response.failure("{} on the waiting room's state".format(response.status_code))
                    raise JourneyError("waiting room: {}".format(response.status_code))
                state = response.json()
            if state.get("ready"):
                break
            position = POSITION.search(state.get("status", ""))
            journey["largest_position"] = max(journey["largest_position"], int(position.group(1)) if position else 0)
            delay = state.get("refresh", 5)
        landing = self.redirected(WAITING_ROOM, "3 file d'attente (connexion)")
        journey["waited_s"] = round(time.time() - started, 1)
        return landing

    def redirected(self, url, name):
        """A GET answered with a redirect, whose address is returned."""
        with self.client.get(url, name=name, catch_response=True, allow_redirects=False) as response:
            self.served(response)
            location = response.headers.get("Location", "")
            if response.status_code != 302:
                response.failure("{} without a redirect".format(response.status_code))
                raise JourneyError("{}: {}".format(name, response.status_code))
            return location

    def served(self, response):
        node = response.headers.get(NODE_HEADER)
        if node:
            self.current["nodes"][node] = self.current["nodes"].get(node, 0) + 1

    def think(self):
        if THINK > 0:
            gevent.sleep(random.uniform(0.5 * THINK, 1.5 * THINK))

    def get(self, url, name, expect_text):
        with self.client.get(url, name=name, catch_response=True, allow_redirects=False) as response:
            self.served(response)
            text = html.unescape(response.text)
            if response.status_code != 200 or expect_text not in text:
                response.failure("{} without « {} »".format(response.status_code, expect_text))
                raise JourneyError("{}: {}".format(name, response.status_code))
            return text

    def post(self, url, name, form, redirect="", expect_text=None):
        """A form sent as the browser sends it. With expect_text, a 200 page is expected; otherwise a redirect
        (to the given address, or to any address when redirect is None), whose address is returned."""
        with self.client.post(url, data=form, name=name, catch_response=True, allow_redirects=False) as response:
            self.served(response)
            if expect_text is not None:
                text = html.unescape(response.text)
                if response.status_code != 200 or expect_text not in text:
                    response.failure("{} without « {} »".format(response.status_code, expect_text))
                    raise JourneyError("{}: {}".format(name, response.status_code))
                return text
            location = response.headers.get("Location", "")
            if response.status_code != 302 or (redirect is not None and location != redirect):
                response.failure("{} to « {} »".format(response.status_code, location))
                raise JourneyError("{}: {} {}".format(name, response.status_code, location))
            return location


def token(page):
    match = TOKEN.search(page)
    if match is None:
        raise JourneyError("no anti-forgery token on the page")
    return html.unescape(match.group(1))
