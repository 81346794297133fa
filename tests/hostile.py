"""A dataset whose every text field carries a script payload, for the escaping tests.

Each payload, if it ever ran, would set ``window.__xss`` (or open a dialog); the tests check
that nothing ran and that the payloads are shown as text.
"""

from __future__ import annotations

import copy

from tests.fixtures import RECORDS

PAYLOADS = {
    "img": "<img src=x onerror=\"window.__xss='img'\">",
    "script": "<script>window.__xss='script'</script>",
    "template": "${window.__xss='template'}",
    "backtick": "`;window.__xss='backtick';`",
    "backslash": "\\`);window.__xss='backslash';//",
    "svg": "<svg onload=\"window.__xss='svg'\"></svg>",
    "jslink": "[click me](javascript:window.__xss='mdlink')",
    "ahref": "<a href=\"javascript:window.__xss='ahref'\">link</a>",
    "iframe": "<iframe src=\"javascript:parent.__xss='iframe'\"></iframe>",
    # Jinja2 syntax: branca renders folium output as a template a second time (server side).
    "jinja": "{{ 'SSTI' ~ '-EVAL' }}",
    "jinja_rce": "{{ lipsum.__globals__.os.environ.setdefault('CA_SSTI', 'ssti-ran') }}",
    "jinja_comment": "{# unclosed",
    # Bare addresses: Markdown (GFM) would make links of them.
    "bare_url": "https://evil.example/x?q=1",
    "www_url": "www.evil.example",
    "email": "someone@evil.example",
}
URL_PAYLOADS = ("bare_url", "www_url", "email")
TEMPLATE_PAYLOADS = ("jinja", "jinja_rce", "jinja_comment")
QUOTE = (
    f"Officials said {PAYLOADS['img']} and {PAYLOADS['template']} were nine {PAYLOADS['backtick']} people "
    f"{PAYLOADS['jinja']} {PAYLOADS['jinja_rce']} {PAYLOADS['jinja_comment']}."
)
SOURCE_TEXT = f"{QUOTE}\n"


def hostile_records() -> dict:
    r = copy.deepcopy(RECORDS)
    src = r["sources"][0]
    src.update(
        title=PAYLOADS["img"],
        author=PAYLOADS["script"] + " " + PAYLOADS["bare_url"],
        outlet=PAYLOADS["jslink"],
        argument=" ".join([PAYLOADS["ahref"], PAYLOADS["template"], *(PAYLOADS[k] for k in URL_PAYLOADS)]),
    )
    r["places"][0]["name"] = PAYLOADS["backslash"] + PAYLOADS["svg"]
    r["places"][0]["basis"] = PAYLOADS["iframe"]
    r["places"][0]["name"] += PAYLOADS["jinja"]
    ev = r["events"][0]
    ev.update(
        title=PAYLOADS["script"] + PAYLOADS["template"] + PAYLOADS["jinja_rce"],
        description=PAYLOADS["img"],
        date_basis=PAYLOADS["jslink"] + " " + PAYLOADS["www_url"],
    )
    for c in r["claims"]:
        c.update(claimant=PAYLOADS["svg"] + PAYLOADS["backtick"], quote=QUOTE, quote_start=0, quote_end=len(QUOTE))
    r["claims"][0]["victims"] = PAYLOADS["iframe"]
    r["claims"][1]["victims"] = PAYLOADS["ahref"]
    r["claims"][2]["note"] = PAYLOADS["jslink"]
    r["claims"][2]["victims"] = " ".join(PAYLOADS[k] for k in URL_PAYLOADS)
    return r
