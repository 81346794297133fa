import yaml, os, re, datetime, glob, sys
base = '/tmp/h52'
exp = yaml.safe_load(open(f'{base}/expected.yaml'))
events = {e['id'] for e in yaml.safe_load(open(f'{base}/data/events.yaml'))}
places = yaml.safe_load(open(f'{base}/data/places.yaml'))
place_ids = {p['id'] for p in places}
KINDS = {'killed', 'injured', 'casualties'}
CLAIM = {'iran_official', 'pakistan_official', 'other_official', 'media', 'analyst', 'author', 'unattributed'}
WEAP = {'missiles', 'ballistic missiles', 'drones', 'rockets', 'jets', 'airstrikes', 'artillery', 'car bomb'}
GROUPS = {'jaish al-adl', 'bla', 'blf', 'irgc', 'bras'}
errs = []
files = sorted(os.path.basename(p) for p in glob.glob(f'{base}/bb*.txt') + glob.glob(f'{base}/bb*.html'))
if set(files) != set(exp): errs.append(f'file mismatch: {set(files) ^ set(exp)}')
if len(files) != 16: errs.append(f'{len(files)} articles')
def isodate(d):
    return isinstance(d, datetime.date) or bool(re.fullmatch(r'\d{4}-\d{2}-\d{2}', str(d)))
tot = {'cas': 0, 'dep': 0, 'rev': 0}
for f, e in exp.items():
    for k in ['style', 'casualties', 'depth', 'dates', 'weapons', 'groups', 'places', 'revisions']:
        if k not in e: errs.append(f'{f}: missing {k}')
    if 'published' in e and not isodate(e['published']): errs.append(f'{f}: published')
    seen = set()
    for c in e['casualties']:
        kind, val, ev, cl = c
        if kind not in KINDS: errs.append(f'{f}: kind {c}')
        if not isinstance(val, int) or val < 0: errs.append(f'{f}: value {c}')
        if ev is not None and ev not in events: errs.append(f'{f}: event {c}')
        if cl not in CLAIM: errs.append(f'{f}: claimant {c}')
        if tuple(c) in seen: errs.append(f'{f}: duplicate {c}')
        seen.add(tuple(c))
    for d in e['depth']:
        km, ev, cl = d
        if not isinstance(km, (int, float)) or round(km, 1) != km: errs.append(f'{f}: depth value {d}')
        if ev is not None and ev not in events: errs.append(f'{f}: depth event {d}')
        if cl not in CLAIM: errs.append(f'{f}: depth claimant {d}')
    for d in e['dates']:
        if not isodate(d): errs.append(f'{f}: date {d}')
    if list(e['dates']) != sorted(e['dates']): errs.append(f'{f}: dates unsorted')
    for w in e['weapons']:
        if w not in WEAP: errs.append(f'{f}: weapon {w}')
    for g in e['groups']:
        if g not in GROUPS: errs.append(f'{f}: group {g}')
    if len(set(e['places'])) != len(e['places']): errs.append(f'{f}: duplicate place')
    for p in e['places']:
        if p[0].islower() and p not in place_ids: errs.append(f'{f}: place id {p}')
        if p[0].isupper() and p.lower() in place_ids: errs.append(f'{f}: should be id {p}')
    for r in e['revisions']:
        kind, old, new = r
        vals = {(c[0], c[1]) for c in e['casualties']}
        if (kind, old) not in vals or (kind, new) not in vals: errs.append(f'{f}: revision values not items {r}')
    if f.endswith('.html'):
        m = e.get('meta')
        if not m or set(m) != {'title', 'author', 'outlet', 'date'}: errs.append(f'{f}: meta')
        else:
            html = open(f'{base}/{f}').read()
            for key, prop in [('title', 'og:title'), ('outlet', 'og:site_name')]:
                if f'property="{prop}" content="{m[key]}"' not in html: errs.append(f'{f}: meta {key}')
            if f'name="author" content="{m["author"]}"' not in html: errs.append(f'{f}: meta author')
            if f'content="{m["date"]}T' not in html: errs.append(f'{f}: meta date')
            if m['date'] != e.get('published'): errs.append(f'{f}: meta date != published')
    elif 'meta' in e: errs.append(f'{f}: meta on non-html')
    tot['cas'] += len(e['casualties']); tot['dep'] += len(e['depth']); tot['rev'] += len(e['revisions'])
# miles conversions used in the split
for mi, km in [(30, 48.3), (55, 88.5), (50, 80.5), (20, 32.2)]:
    if round(mi * 1.609344, 1) != km: errs.append(f'miles {mi} -> {km} wrong ({mi*1.609344})')
sizes = {f: os.path.getsize(f'{base}/{f}') for f in files}
print('sizes (bytes):', min(sizes.values()), '-', max(sizes.values()))
print('articles', len(exp), 'casualties', tot['cas'], 'depth', tot['dep'], 'revisions', tot['rev'])
print('ERRORS:' if errs else 'OK', *errs, sep='\n')
