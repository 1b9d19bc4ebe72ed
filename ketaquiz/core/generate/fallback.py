"""Built-in word knowledge, used when wordfreq or lemminflect cannot be imported.

Plain heuristics instead of the libraries' data: word rarity from a short list of everyday English words,
word length and word shape; word classes from short lists of common verbs, adjectives and adverbs plus suffix
rules, with naive plural/singular and "-ing"/"-s" forms. The generator then finds fewer and plainer key
terms, but every question it keeps still passes the same checks. The word lists were written for this module.
"""

from __future__ import annotations

import re

# Everyday content words (nouns, adjectives, verbs in their common forms): not worth asking about alone.
_COMMON = frozenset(
    """
    time year people way day man men woman women child children world life lives hand hands part place case week
    company system program question work government number night point home water room mother area money story
    fact month lot right study book eye eyes job word business issue side kind head house service friend father
    power hour game line end member law car city community name president team minute idea kid body information
    back parent face level office door health person art war history party result change morning reason research
    girl boy moment air teacher force education food blood heart brain light energy plant cell sugar computer
    network data internet phone message address mail page site web file user school student country state problem
    family group thing things country market price cost rate value form type sort model base size age death
    care mind voice love sense view street land field river sea sun fire earth ground stone tree wood leaf leaves
    animal animals dog cat bird fish horse milk bread egg fruit meat salt glass paper box bag key table chair bed
    window wall floor road train ship plane machine tool wire paint picture music sound noise color colour image
    film movie show news report letter note list text language sign signal test step stage start plan project
    problem answer rule role term top bottom front middle center centre edge surface shape space distance weight
    heat temperature pressure speed movement motion action activity effect cause reaction process production
    control order series set kind quality amount supply demand trade industry product goods material materials
    source power stock support skin hair bone bones muscle muscles arm leg foot feet finger tooth teeth mouth nose
    ear neck back chest stomach lung lungs liver blood heartbeat doctor nurse hospital medicine drug drugs pain
    disease illness patient treatment therapy condition symptom risk danger safety security protection problem
    mood feeling fear anger anxiety stress sleep memory thought thinking learning knowledge skill experience
    behaviour behavior habit use need help benefit success failure loss gain growth rise fall increase decrease
    difference similar same different other new old young big small large little long short high low good bad
    great best better worse worst full empty hot cold warm cool dark bright heavy easy hard simple clear free
    early late real true false whole main major minor common normal natural human social public private local
    national general special single double total basic central current final key known important possible able
    likely certain available necessary serious strong weak fast slow quick rapid open close deep wide
    safe poor rich red green blue white black yellow brown grey gray pink purple orange round square flat left
    physical mental medical chemical electrical political economic personal financial legal military
    environmental
    make made take taken give given get got go went gone come came see seen know known think thought find found
    tell told become became show shown leave left feel felt put bring brought begin began keep kept hold held
    write written stand run turn move live believe happen provide sit lose pay meet include continue set learn
    lead led understand watch follow stop create speak read allow add spend grow open walk win offer remember
    consider appear buy wait serve die send expect build stay fall cut reach kill remain suggest raise pass sell
    require report decide pull carry break receive agree support hit produce eat cover catch draw choose cause
    point listen realize place close involve increase reduce improve protect prevent affect connect contain
    occur hundred
    """.split()
)

# Verbs and the noun/verb words among them; the rest of a form's class comes from its suffix.
_VERBS = frozenset(
    """
    absorb accept achieve act activate adapt add adjust administer affect agree aid aim allow alter analyse
    analyze apply appear argue arise arrange arrive ask assess assign associate assume attach attack attempt
    avoid become begin believe belong bind block boost break bring build call carry catch cause change check
    choose claim clean close collect combine come compare compete complete concern connect consider consist
    constrict contain continue contract contribute control convert cool cost count cover create cross cut
    damage deal decide decline decrease define delay deliver demand depend describe design destroy detect
    determine develop die differ dilate direct discover display dissolve distribute divide do draw drink drive
    drop eat emerge emit enable encode encourage encrypt end enhance ensure enter escape establish evaluate
    examine exchange exist expand expect experience explain explore expose express extend fail fall feed feel
    fight fill filter find finish fire fit fix flow fly focus follow forget form forward function gain generate
    get give go grow handle happen hear heat help hide hit hold identify ignore impair improve include increase
    indicate induce influence inform inhibit inject insert interact interpret introduce investigate involve
    join keep kill know lack last lead learn leave let lie lift like limit link listen live load look lose lower
    maintain make manage mark match matter mean measure meet mimic minimize minimise mix modify modulate monitor
    move multiply name need note notice observe obtain occur offer open operate order organise organize oxidize
    narrow widen capture exercise address pass pay perform permit pick place plan play point pour predict prefer prepare present preserve press
    prevent process produce promise promote protect prove provide publish pull pump push put raise reach react
    read receive recognize recognise record recover reduce refer reflect regulate reject relate relax release
    rely remain remember remove repair repeat replace report represent require reset resolve respond rest
    restore result retain return reveal reverse rise route run save say see seek seem select sell send sense
    separate serve set settle share shift show shrink shut sign signal sit sleep slow smoke solve sort speak
    split spread stabilize stabilise stand start state stay step stimulate stop store strengthen stretch
    strike study submit succeed suffer suggest supply support suppress surround survive switch take talk target
    teach tell tend test think threaten touch track trade train transfer transform translate transmit transport
    travel treat trigger trust try turn understand undergo unlock update use vary view wait walk want warn wash
    watch weaken win wish work worry write yield
    """.split()
)
_NOUN_VERBS = frozenset(
    """
    act aid aim attack block boost call cause change check claim close concern contract control cost count cover
    cut damage deal decline decrease delay demand design display drink drive drop end exchange experience fall
    feed fight fill filter finish fire fit fix flow fly focus forward function gain handle heat help hit hold
    increase influence lack lead lift like limit link load look mark match matter measure mix monitor name need
    note order pass pay place plan play point press process promise pump push raise reach record release repair
    repeat report rest result return reverse rise route run sense share shift show sign signal sleep smoke sort
    split spread stand start state stay step store stretch strike study supply support switch target talk test
    touch track trade train transfer transport travel treat trigger trust turn update use view wait walk want
    wash watch work worry yield experience attempt break build catch cross draw escape move notice offer
    produce set stop wish form answer exercise address
    """.split()
)
_IRREGULAR = {
    "began": "begin", "begun": "begin", "found": "find", "made": "make", "took": "take", "taken": "take",
    "gave": "give", "given": "give", "shown": "show", "known": "know", "knew": "know", "thought": "think",
    "brought": "bring", "led": "lead", "held": "hold", "kept": "keep", "sent": "send", "built": "build",
    "bound": "bind", "saw": "see", "seen": "see", "became": "become", "came": "come", "went": "go", "gone": "go",
    "grew": "grow", "grown": "grow", "fell": "fall", "fallen": "fall", "ran": "run", "wrote": "write",
    "written": "write", "chose": "choose", "chosen": "choose", "spent": "spend", "meant": "mean", "felt": "feel",
    "lost": "lose", "paid": "pay", "said": "say", "told": "tell", "understood": "understand",
    "caught": "catch", "taught": "teach", "sought": "seek", "fought": "fight", "drew": "draw", "drawn": "draw",
    "broke": "break", "broken": "break", "rose": "rise", "risen": "rise", "arose": "arise", "arisen": "arise",
    "spoke": "speak", "spoken": "speak", "got": "get", "gotten": "get", "ate": "eat", "eaten": "eat",
    "drank": "drink", "drunk": "drink", "drove": "drive", "driven": "drive", "flew": "fly", "flown": "fly",
    "hid": "hide", "hidden": "hide", "lay": "lie", "lain": "lie", "struck": "strike", "shrank": "shrink",
    "shrunk": "shrink", "underwent": "undergo", "undergone": "undergo", "fed": "feed", "met": "meet",
    "sat": "sit", "stood": "stand", "sold": "sell", "won": "win", "slept": "sleep", "dealt": "deal",
    "forgot": "forget", "forgotten": "forget", "heard": "hear", "sought-after": "seek",
}
_ADVERBS = frozenset(
    """
    later soon now together almost perhaps maybe ago once twice afterwards afterward elsewhere everywhere
    somewhere nowhere forward forwards apart alone abroad ahead aside anyway otherwise meanwhile nevertheless
    nonetheless sometime today tomorrow yesterday
    """.split()
)
_ADJECTIVES = frozenset(
    """
    good bad high low large small big long short new old young great little early late full empty hot cold warm
    cool dark bright heavy easy hard simple clear free real true false whole main major minor common normal
    human public private local national general special single double total basic central current final
    able likely certain available necessary serious strong weak fast slow quick rapid open deep wide safe poor
    rich severe mild acute chronic positive negative similar different same important possible overall
    brief temporary permanent rare frequent ready aware alive due fine thin thick soft loud quiet tiny huge
    right left clean complete cool direct lower separate present
    """.split()
)
_NOUN_SUFFIXES = (
    "tion", "sion", "ment", "ness", "ity", "ism", "ist", "ance", "ence", "ure", "ogy", "sis", "ase", "ine",
    "ide", "cyte", "phyll", "plast", "er", "or", "ium", "um", "oid", "ship", "hood", "dom", "age", "ery",
)
_ADJ_SUFFIXES = ("ous", "ful", "less", "able", "ible")
_ADJ_NOUN_SUFFIXES = ("al", "ic", "ary", "ive", "ant", "ent", "ar", "ory")
# "-ate" and "-en" words that are nouns or adjectives ("glutamate", "oxygen").
_NOT_VERBS = frozenset(
    """
    rate state date plate climate estimate candidate substrate late private accurate adequate separate
    appropriate moderate chocolate senate debate oxygen nitrogen hydrogen estrogen antigen pathogen
    collagen glycogen kitchen chicken garden golden even often seven eleven children women men citizen screen
    green open happen listen given taken seen chosen broken spoken written hidden eaten driven fallen risen
    sudden token carbohydrate phosphate nitrate sulfate sulphate glutamate kainate aspartate acetate lactate
    pyruvate citrate carbonate bicarbonate hydrate expertise premise precise concise otherwise noise franchise
    paradise
    """.split()
)
_LY_NOT_ADVERBS = frozenset("family supply apply reply fly only early daily likely holy italy assembly anomaly "
                            "monopoly rely ally belly bully jelly lily rally tally july ugly silly friendly "
                            "elderly lonely lovely costly deadly".split())
_ING_NOUNS = frozenset("ring king thing string spring wing bring sing evening morning building meeting ceiling "
                       "during nothing something anything everything ding sibling duckling pudding".split())
_IRREGULAR_PLURALS = {
    "children": "child", "people": "people", "men": "man", "women": "woman", "teeth": "tooth", "feet": "foot",
    "mice": "mouse", "geese": "goose", "data": "data", "criteria": "criterion", "phenomena": "phenomenon",
    "bacteria": "bacterium", "atria": "atrium", "media": "medium", "stomata": "stoma", "alveoli": "alveolus",
    "nuclei": "nucleus", "fungi": "fungus", "stimuli": "stimulus", "analyses": "analysis", "bases": "base",
    "leaves": "leaf", "lives": "life", "halves": "half", "selves": "self", "wolves": "wolf", "knives": "knife",
}
_SINGULAR_S = ("ss", "us", "is", "ous", "sis", "ics", "ys", "as", "os")
_VOWELS = "aeiou"


def _verbish(w: str) -> bool:
    """A verb by its suffix: 'stabilize', 'modify', 'activate', 'strengthen' (not 'oxygen', 'specimen')."""
    if len(w) <= 5 or w in _NOT_VERBS:
        return False
    return w.endswith(("ize", "ise", "ify", "ate")) or w.endswith("en") and not w.endswith(("gen", "men", "ien", "een"))


def zipf(word: str) -> float:
    """A rough Zipf frequency (0 … 7): everyday words ~5, longer and technical-looking words lower."""
    w = word.lower()
    if not w:
        return 0.0
    if not w.isalpha():
        return 3.0 if any(c.isalpha() for c in w) else 4.0
    if w in _COMMON or w in _ADJECTIVES:
        return 5.2
    lemma = singular(w)
    if lemma in _COMMON or lemma in _VERBS or _verb_lemma(w) in _VERBS:
        return 4.8
    z = 5.6 - 0.25 * len(w)
    if w.endswith(("tion", "sion", "ment", "ness", "ity", "ly", "ing", "ed", "er", "al")):
        z += 0.8  # derived forms of everyday words ("production", "regulation") are common
    if w.endswith(("ase", "ine", "ide", "ate", "osis", "itis", "cyte", "phyll", "plast", "ium", "ol", "yl")):
        z -= 0.4  # chemistry and biology names
    return max(1.5, min(4.6, z))


def singular(word: str) -> str:
    """The naive singular of a lowercase word ('arteries' → 'artery', 'synapses' → 'synapse')."""
    w = word
    if w in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[w]
    if len(w) < 4 or not w.endswith("s") or w.endswith(_SINGULAR_S):
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "ches", "shes", "xes", "zzes")):
        return w[:-2]
    return w[:-1]


def _verb_lemma(form: str) -> str:
    """The base of an inflected verb form ('activates' → 'activate', 'controlled' → 'control')."""
    w = form
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    for suffix in ("ing", "ed"):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            stem = w[: -len(suffix)]
            if suffix == "ed" and stem.endswith("i"):
                return stem[:-1] + "y"  # "studied" → "study"
            for cand in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else ""):
                if cand and cand in _VERBS:
                    return cand
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
                return stem[:-1]  # "stopped" → "stop"
            if re.search(r"(?:at|iz|is|[cgvu]|[bptd]l|ur|ir|[aeiou]s|[aeiou]k|in)$", stem) and not stem.endswith(
                ("ss", "ing", "ain", "ein", "oin")
            ):
                return stem + "e"  # "activat" → "activate", "damag" → "damage", "releas" → "release"
            return stem
    if w.endswith("s") and not w.endswith(_SINGULAR_S):
        if w.endswith("ies") and len(w) > 4:
            return w[:-3] + "y"
        if w.endswith(("sses", "ches", "shes", "xes", "zes", "oes")):
            return w[:-2]
        return w[:-1]
    return w


def lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """Part of speech → lemmas, guessed from the lists and the suffix; empty for unknown (noun-like) words."""
    w = word.lower()
    if not w.isalpha():
        return {}
    if w in _IRREGULAR:
        return {"VERB": (_IRREGULAR[w],)}
    if w in _ADVERBS:
        return {"ADV": (w,)}
    out: dict[str, tuple[str, ...]] = {}
    if w in _ADJECTIVES:
        out["ADJ"] = (w,)
    if w in _VERBS:
        out["VERB"] = (w,)
        if w in _NOUN_VERBS:
            out["NOUN"] = (w,)
        return out
    if w.endswith("ly") and len(w) > 4 and w not in _LY_NOT_ADVERBS and not w.endswith("ply"):
        out["ADV"] = (w,)
        return out
    if w.endswith("ing") and len(w) > 4 and w not in _ING_NOUNS and any(c in _VOWELS for c in w[:-3]):
        out["VERB"] = (_verb_lemma(w),)
        return out
    if w.endswith("ed") and len(w) > 4 and not w.endswith("eed") and w not in _COMMON:
        out["VERB"] = (_verb_lemma(w),)
        return out
    if w.endswith("s") and not w.endswith(_SINGULAR_S) and len(w) > 3:
        base = singular(w)
        verb = _verb_lemma(w)
        if verb in _VERBS or _verbish(verb):
            out["VERB"] = (verb,)
            if verb in _NOUN_VERBS:
                out["NOUN"] = (base,)
            return out
        out["NOUN"] = (base,)
        return out
    if out:  # an adjective from the list
        return out
    if w.endswith("er") and len(w) > 4 and (w[:-2] in _ADJECTIVES or w[:-3] + "y" in _ADJECTIVES
                                             or w[:-1] in _ADJECTIVES or w[-3] == w[-4] and w[:-3] in _ADJECTIVES):
        return {"ADJ": (w,)}  # comparatives: "darker", "earlier", "wider", "bigger"
    if w in _COMMON:
        return {"NOUN": (w,)}
    if _verbish(w) and not w.endswith("ate"):  # "-ate": "glutamate" or "activate", the context decides
        return {"VERB": (w,)}
    if w.endswith(_ADJ_SUFFIXES) and len(w) > 5:
        return {"ADJ": (w,)}
    if w.endswith(_ADJ_NOUN_SUFFIXES) and len(w) > 4:
        return {"ADJ": (w,), "NOUN": (w,)}
    if w.endswith(_NOUN_SUFFIXES) and len(w) > 4:
        return {"NOUN": (w,)}
    return {}


def inflect(lemma: str, tag: str) -> str:
    """Regular inflection of a lemma: VBZ/NNS '-s', VBG '-ing', VBD/VBN '-ed'; VB/VBP the lemma."""
    w = lemma
    if not w.isalpha():
        return w
    if tag in ("VBZ", "NNS"):
        if w.endswith(("s", "sh", "ch", "x", "z")):
            return w + "es"
        if w.endswith("y") and len(w) > 2 and w[-2] not in _VOWELS:
            return w[:-1] + "ies"
        return w + "s"
    if tag in ("VBG", "VBD", "VBN"):
        suffix = "ing" if tag == "VBG" else "ed"
        if w.endswith("ie") and suffix == "ing":
            return w[:-2] + "ying"
        if w.endswith("e") and not w.endswith(("ee", "ye", "oe")):
            return w[:-1] + suffix
        if suffix == "ed" and w.endswith("y") and len(w) > 2 and w[-2] not in _VOWELS:
            return w[:-1] + "ied"
        if len(w) <= 4 and re.search(r"[^aeiou][aeiou][bdgklmnprt]$", w):
            return w + w[-1] + suffix  # "stop" → "stopping"
        return w + suffix
    return w
