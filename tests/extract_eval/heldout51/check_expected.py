"""Consistency check for held-out split 51 (run from /tmp/h51)."""
import datetime, glob, os, re, sys
import yaml

os.chdir(os.path.dirname(os.path.abspath(__file__)))
exp = yaml.safe_load(open("expected.yaml"))
events = {e["id"] for e in yaml.safe_load(open("data/events.yaml"))}
places = {p["id"] for p in yaml.safe_load(open("data/places.yaml"))}
KINDS = {"killed", "injured", "casualties"}
CLAIMANTS = {"iran_official", "pakistan_official", "other_official", "media", "analyst", "author", "unattributed"}
WEAPONS = {"missiles", "ballistic missiles", "drones", "rockets", "jets", "airstrikes", "artillery", "car bomb"}
GROUPS = {"jaish al-adl", "bla", "blf", "irgc", "bras"}
MI = 1.609344
# depth figures stated in miles: article -> list of miles values
MILES = {"ba05_satphone.txt": [30], "ba08_diaspora.txt": [56], "ba10_riskdigest.html": [30], "ba16_podcast_captions.txt": [25]}

errors = []
def err(a, m): errors.append(f"{a}: {m}")

articles = sorted(os.path.basename(p) for p in glob.glob("ba*.txt") + glob.glob("ba*.html"))
if len(articles) != 16: errors.append(f"expected 16 articles, found {len(articles)}")
for a in articles:
    if a not in exp: err(a, "article has no entry")
for a in exp:
    if a not in articles: err(a, "entry has no article")

def iso(d):
    if isinstance(d, datetime.date): return True
    return isinstance(d, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) is not None

n_cas = n_dep = n_rev = 0
for a, e in exp.items():
    for k in ("style", "casualties", "depth", "dates", "weapons", "groups", "places", "revisions"):
        if k not in e: err(a, f"missing field {k}")
    if "published" in e and not iso(e["published"]): err(a, "published not ISO")
    seen = set()
    for it in e.get("casualties") or []:
        n_cas += 1
        if len(it) != 4: err(a, f"bad casualty item {it}"); continue
        kind, val, ev, cl = it
        if kind not in KINDS: err(a, f"bad kind {kind}")
        if not isinstance(val, int) or val < 0: err(a, f"bad value {val}")
        if ev is not None and ev not in events: err(a, f"unknown event {ev}")
        if cl not in CLAIMANTS: err(a, f"bad claimant {cl}")
        if tuple(it) in seen: err(a, f"duplicate item {it}")
        seen.add(tuple(it))
    miles_km = [round(m * MI, 1) for m in MILES.get(a, [])]
    for it in e.get("depth") or []:
        n_dep += 1
        if len(it) != 3: err(a, f"bad depth item {it}"); continue
        km, ev, cl = it
        if not isinstance(km, (int, float)) or km <= 0: err(a, f"bad km {km}")
        if isinstance(km, float) and round(km, 1) != km: err(a, f"km not one decimal {km}")
        if ev is not None and ev not in events: err(a, f"unknown event {ev}")
        if cl not in CLAIMANTS: err(a, f"bad claimant {cl}")
    depth_vals = [d[0] for d in e.get("depth") or []]
    for v in miles_km:
        if v not in depth_vals: err(a, f"miles figure converted to {v} km not in depth {depth_vals}")
    for d in e.get("dates") or []:
        if not iso(d): err(a, f"date not ISO: {d}")
    for w in e.get("weapons") or []:
        if w not in WEAPONS: err(a, f"weapon not in vocabulary: {w}")
    for g in e.get("groups") or []:
        if g not in GROUPS: err(a, f"group not in vocabulary: {g}")
    pl = e.get("places") or []
    if len(pl) != len(set(pl)): err(a, "place listed twice")
    for p in pl:
        if p[0].islower() and p not in places: err(a, f"lower-case place not a curated id: {p}")
        if p[0].isupper() and p.lower() in places: err(a, f"curated place spelled as a name: {p}")
    for r in e.get("revisions") or []:
        n_rev += 1
        kind, old, new = r
        if kind not in KINDS: err(a, f"bad revision kind {kind}")
        vals = {(c[0], c[1]) for c in e.get("casualties") or []}
        if (kind, old) not in vals or (kind, new) not in vals:
            err(a, f"revision {r} values not among casualty items")
    is_html = a.endswith(".html")
    if is_html:
        m = e.get("meta")
        if not m or set(m) != {"title", "author", "outlet", "date"}: err(a, "html page needs meta {title, author, outlet, date}")
        elif not iso(m["date"]): err(a, "meta date not ISO")
        else:
            html = open(a, encoding="utf-8").read()
            import html as H
            og = re.search(r'property="og:title" content="([^"]*)"', html)
            sn = re.search(r'property="og:site_name" content="([^"]*)"', html)
            au = re.search(r'name="author" content="([^"]*)"', html)
            pt = re.search(r'property="article:published_time" content="(\d{4}-\d{2}-\d{2})', html)
            if H.unescape(og.group(1)) != m["title"]: err(a, f"meta title != og:title ({H.unescape(og.group(1))!r})")
            if sn.group(1) != m["outlet"]: err(a, "meta outlet != og:site_name")
            if au.group(1) != m["author"]: err(a, "meta author != author meta")
            if pt.group(1) != str(m["date"]): err(a, "meta date != published_time")
            if str(e.get("published")) != pt.group(1): err(a, "published != published_time")
    elif "meta" in e:
        err(a, "meta on a non-HTML article")

print(f"articles {len(articles)}, entries {len(exp)}, casualty items {n_cas}, depth items {n_dep}, revisions {n_rev}")
for a in articles:
    print(f"  {a:32s} {os.path.getsize(a):6d} B  cas {len(exp[a]['casualties']):2d}  depth {len(exp[a]['depth'])}")
if errors:
    print("ERRORS:"); [print("  " + x) for x in errors]; sys.exit(1)
print("OK")
