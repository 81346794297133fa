"""Find candidate claims in an article: no network, no downloaded model, every span explained.

A blank spaCy English pipeline (tokenizer, paragraph and sentence boundaries, an EntityRuler
for numbers) with token patterns, text2num for number words, dateparser for dates relative to
the article's own date, trafilatura for HTML pages. One module per job:

- :mod:`~geo.extract.text`: pasted text or a file in, the text to review (and HTML metadata) out
- :mod:`~geo.extract.nlp`: the pipeline and its sentences
- :mod:`~geo.extract.numbers`: digits, number words, vague amounts
- :mod:`~geo.extract.patterns`: the token patterns for figures, dates, weapons and groups
- :mod:`~geo.extract.claimants`: who says it, from the reporting structure
- :mod:`~geo.extract.voices`: who speaks where no one is named (a release's issuer, a state
  outlet, a transcript's turn, a headline's tagline)
- :mod:`~geo.extract.places`, :mod:`~geo.extract.dates`, :mod:`~geo.extract.linking`: where,
  when, and which event, with a confidence
- :mod:`~geo.extract.learned`: a second opinion on each figure's event and claimant type, from
  two small models trained on the annotated evaluation articles (``geo/extract/models/``)
- :mod:`~geo.extract.detector`, :mod:`~geo.extract.restated`: two more such models, for the
  numbers no pattern read and for figures that restate an earlier one
- :mod:`~geo.extract.pipeline`: the steps put together, one claim once, revisions
- :mod:`~geo.extract.intake`: a reviewed article into validated Source and Claims

Command line: ``python -m geo.extract ARTICLE --json``.
"""

from geo.extract.pipeline import Candidate, Extractor
from geo.extract.text import MAX_ARTICLE_BYTES, Article, InputError, read_article

__all__ = [
    "MAX_ARTICLE_BYTES",
    "Article",
    "Candidate",
    "Extractor",
    "InputError",
    "extract",
    "read_article",
]


def extract(text: str, dataset=None) -> list[Candidate]:
    """Candidate claims in ``text`` (an Extractor built for one call: reuse one for many)."""
    return Extractor(dataset).extract(text)
