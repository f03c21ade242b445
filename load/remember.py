"""Warm-up of « Rester connecté sur cet appareil »: before the run, the share of parents the run will treat as
returning with a remembered device signs in once with the box ticked, as they would have on an earlier day,
and keeps only the device's cookie (its session is simply left to expire, never signed out: signing out
forgets the device). The run's remembered parents then start from that cookie alone.

Which parents: arrival number n is remembered when frac(n × 0.618…) < SHARE (spread over the arrivals,
the same rule as locustfile.py).

Usage: remember.py BASE_URL MANIFEST SHARE PARENTS OUTPUT_JSON"""

import concurrent.futures
import json
import re
import sys
import time

import requests

base, manifest_path, share, parents, output = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
manifest = json.load(open(manifest_path, encoding="utf-8"))
accounts = manifest["accounts"]
TOKEN = re.compile(r'name="__RequestVerificationToken"[^>]*\svalue="([^"]+)"')
DEVICE_COOKIE = "FamilyPortal.Device"


def remembered(number):
    return (number * 0.6180339887498949) % 1.0 < share


def address(number):
    # The address the run gives the same parent, as the reverse proxy reports it.
    return "127.{}.{}.{}".format(((number + 1) >> 16) & 255, ((number + 1) >> 8) & 255, (number + 1) & 255)


def remember(number):
    account = accounts[number % len(accounts)]
    session = requests.Session()
    session.headers["X-Forwarded-For"] = address(number)
    session.headers["User-Agent"] = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36"
    page = session.get(base + "/connexion", timeout=120).text
    answer = session.post(base + "/connexion", allow_redirects=False, timeout=120, data={
        "Identifiant": account["login"], "Password": manifest["password"], "RememberDevice": "true",
        "__RequestVerificationToken": TOKEN.search(page).group(1)})
    location = answer.headers.get("Location", "")
    while location == "/connexion/attente":
        time.sleep(1)
        answer = session.get(base + location, allow_redirects=False, timeout=120)
        location = answer.headers.get("Location", "") if answer.status_code == 302 else location
    device = session.cookies.get(DEVICE_COOKIE)
    if answer.status_code != 302 or device is None:
        raise RuntimeError("parent {} not remembered: {} {}".format(number, answer.status_code, location))
    return number, device


numbers = [n for n in range(parents) if remembered(n)]
started = time.time()
with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
    devices = dict(pool.map(remember, numbers))
json.dump({str(n): cookie for n, cookie in devices.items()}, open(output, "w"))
print("{} parents of {} remembered their device in {:.0f} s".format(len(devices), parents, time.time() - started))
