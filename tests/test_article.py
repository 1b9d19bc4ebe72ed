"""The article parser on the seed and on Markdown."""

from ketaquiz.core.article import find_quote, load_article, parse_article, slugify

from .conftest import SEED


def test_seed_has_five_sections_with_their_titles():
    art = load_article(SEED)
    assert [(s.slug, s.title) for s in art.sections] == [
        ("overview", "Overview"),
        ("mechanism", "How does ketamine work?"),
        ("theories", "Why is ketamine so effective?"),
        ("risks", "What are the risks of ketamine treatment?"),
        ("conclusion", "Conclusion"),
    ]


def test_seed_risks_list_is_kept_with_its_items():
    risks = load_article(SEED).section("risks")
    assert risks.lists == [[
        "Psychotic symptoms, such as hallucinations or delusions",
        "Sedation or dizziness",
        "Increased heart rate or blood pressure",
        "Urinary incontinence",
    ]]


def test_every_sentence_is_located_by_its_offsets():
    art = load_article(SEED)
    assert len(art.sentences) == 30
    for s in art.sentences:
        assert art.text[s.start:s.end] == s.text
    mech = art.section("mechanism").sentences
    assert mech[0].text.startswith("Ketamine is a type of dissociative anesthetic")
    assert mech[1].text.startswith("It works by blocking NMDA receptors")


def test_heading_offsets_point_at_the_heading():
    art = load_article(SEED)
    sec = art.section("theories")
    assert art.text[sec.heading_start:sec.heading_end] == "Why is ketamine so effective?"


def test_markdown_headings_lists_and_explicit_ids():
    text = (
        "# Coffee\n\nCoffee is a brewed drink. It contains caffeine.\n\n"
        "## How is coffee made? {#making}\n\nBeans are roasted. Then they are ground:\n\n"
        "1. Roast the beans\n2. Grind them\n3. Brew with hot water\n\n## Health effects\n\nDr. Smith studied it, e.g. in 2010.\n"
    )
    art = parse_article(text)
    assert art.title == "Coffee"
    assert [s.slug for s in art.sections] == ["overview", "making", "health-effects"]
    assert art.section("making").lists == [["Roast the beans", "Grind them", "Brew with hot water"]]
    health = art.section("health-effects").sentences
    assert [s.text for s in health] == ["Dr. Smith studied it, e.g. in 2010."]


def test_plain_text_without_leading_text_has_no_empty_overview():
    art = parse_article("Background\nA first fact here.\nResults\nA second fact.\n")
    assert [s.slug for s in art.sections] == ["background", "results"]


def test_find_quote_folds_typographic_apostrophes_and_spaces():
    art = load_article(SEED)
    span = find_quote(art.text, "it wasn't until the early 2000s")
    assert span is not None
    assert art.text[span[0]:span[1]] == "it wasn’t until the early 2000s"
    assert find_quote(art.text, "ketamine cures everything") is None


def test_slugify_kinds_and_words():
    assert slugify("How does aspirin work?") == "mechanism"
    assert slugify("What are the risks of surgery?") == "risks"
    assert slugify("Early history of the drug") == "early-history-drug"


def test_feedback_explanation_does_not_repeat_the_source_quote():
    from ketaquiz.core.questions import explanation_without_source

    src = "It works by blocking NMDA receptors.\nBy blocking them, glutamate rises."
    assert explanation_without_source(
        "The text says: “It works by blocking NMDA receptors. By blocking them, glutamate rises.”", src) == ""
    assert explanation_without_source("True. The text says: “It works by blocking NMDA receptors. "
                                      "By blocking them, glutamate rises.”", src) == "True."
    own = "Blocking NMDA receptors is the first step; glutamate rises after it."
    assert explanation_without_source(own, src) == own
    assert explanation_without_source("Because.", "") == "Because."
