"""Signs one parent in, weighs the week grid as a phone would download it (HTML and every stylesheet,
script and image it references, compressed as the browser asks), notes the caching headers of the
static files, and leaves the signed-in cookie for wrk's ceiling of the grid page.

Usage: weigh.py BASE_URL MANIFEST OUTPUT_JSON COOKIE_FILE"""

import json
import os
import re
import sys
from urllib.parse import urljoin

import requests

base, manifest_path, output, cookie_file = sys.argv[1:5]
manifest = json.load(open(manifest_path, encoding="utf-8"))
# The last account: a run with fewer parents than accounts never uses it.
account = manifest["accounts"][-1]
month = manifest["months"][0]
grid = "/reservations?enfant={}&service={}&semaine={}".format(account["child"], account["service"], month["monday"])

session = requests.Session()
session.headers["X-Forwarded-For"] = "127.255.255.254"
page = session.get(base + "/connexion").text
token = re.search(r'name="__RequestVerificationToken"[^>]*\svalue="([^"]+)"', page).group(1)
signed_in = session.post(base + "/connexion", allow_redirects=False, data={
    "Identifiant": account["login"], "Password": manifest["password"], "__RequestVerificationToken": token})
if signed_in.status_code != 302:
    sys.exit("sign-in refused: {}".format(signed_in.status_code))


def download(url, encoding):
    response = session.get(urljoin(base, url), headers={"Accept-Encoding": encoding}, stream=True)
    body = response.raw.read(decode_content=False)
    return response, len(body)


weights = {}
for encoding in ("identity", "gzip", "br"):
    response, size = download(grid, encoding)
    if response.status_code != 200:
        sys.exit("grid answered {}".format(response.status_code))
    weights[encoding] = size
text = session.get(base + grid).text
open(os.path.join(os.path.dirname(output), "grid.html"), "w", encoding="utf-8").write(text)
weights["period_identity"] = download(grid + "&vue=periode", "identity")[1]
weights["period_br"] = download(grid + "&vue=periode", "br")[1]
weights["content_encoding_br"] = download(grid, "br")[0].headers.get("Content-Encoding")

assets = []
for url in sorted(set(re.findall(r'(?:href|src)="(/[^"]+\.(?:css|js|svg|png|jpg|woff2?)(?:\?[^"]*)?)"', text))):
    response, size = download(url, "br")
    assets.append({"url": url, "br": size, "identity": download(url, "identity")[1],
                   "encoding": response.headers.get("Content-Encoding"),
                   "cache": response.headers.get("Cache-Control"), "etag": response.headers.get("ETag") is not None})

# Where a grid's time goes, as the portal tells it when Diagnostics:ServerTiming is on: database commands,
# their time and the request's time in the portal, averaged over warm requests.
timings = []
for _ in range(30):
    header = session.get(base + grid, headers={"Accept-Encoding": "br"}).headers.get("Server-Timing", "")
    found = re.search(r'sql;desc="(\d+)";dur=([0-9.]+), app;dur=([0-9.]+)', header)
    if found:
        timings.append(tuple(float(v) for v in found.groups()))
timing = None
if timings:
    warm = timings[10:]
    timing = {"requests": len(warm), "commands": sum(t[0] for t in warm) / len(warm),
              "sql_ms": sum(t[1] for t in warm) / len(warm), "app_ms": sum(t[2] for t in warm) / len(warm)}

json.dump({"url": grid, "html": weights, "assets": assets, "timing": timing,
           "total_br": weights["br"] + sum(a["br"] for a in assets)}, open(output, "w"), indent=1)
cookie = "; ".join("{}={}".format(c.name, c.value) for c in session.cookies)
open(cookie_file, "w").write(cookie)
print("week grid: {} bytes of HTML, {} with Brotli, {} in all with its files".format(
    weights["identity"], weights["br"], weights["br"] + sum(a["br"] for a in assets)))
if timing:
    print("week grid, per warm request: {:.1f} database commands, {:.2f} ms in them, {:.2f} ms in the portal".format(
        timing["commands"], timing["sql_ms"], timing["app_ms"]))
