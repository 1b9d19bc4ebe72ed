"""Faults the judges of held-out articles found in drafts and that the fourteenth session mended; each test fails on
the generator before it."""

from __future__ import annotations

from .generation import kept_cloze

# *Magic lantern* (held-33): "a {{camera obscura device|camera obscura|obscura}} that he got from Drebbel" — the
# judge: a side anecdote; the phrase is said only there, though its words "camera obscura" stand all over the article
_LANTERN = ("# Magic lantern\n\nThe magic lantern is an early image projector. The camera obscura was known long "
            "before the lantern. A camera obscura projects an image of its surroundings. Drebbel improved the camera "
            "obscura. Constantijn Huygens wrote very enthusiastically about a {phrase} that he got from Drebbel in 1622. "
            "The lantern used a lens and a lamp.\n")


def test_a_phrase_said_only_once_is_no_gap():
    prompts = kept_cloze(_LANTERN.format(phrase="camera obscura device"))
    assert not any("{{camera obscura device" in p for p in prompts), prompts


def test_a_phrase_the_article_says_again_is_still_asked():
    text = _LANTERN.format(phrase="camera obscura device") + "\nA camera obscura device can be a whole room.\n"
    prompts = kept_cloze(text)
    assert any("{{camera obscura device" in p for p in prompts), prompts
