#!/usr/bin/env python3
"""Rebuild the held-out test articles of held-19 … held-28 from the dump their SOURCES.md names.

    python scripts/rebuild_held_articles.py [FILE.md ...]      (MIRROR=… OUT=… override the paths below)

The articles are not kept in the repository (they stay Wikipedia's; `docs/judging/held-NN/SOURCES.md` says how each
was made). This applies each SOURCES.md's common steps mechanically and its per-file notes (the last kept section,
the caption fragments it quotes, its "X" became "Y" case changes), plus the per-file overrides below; it writes
OUT/held-NN/<file> and OUT/REPORT.md, and checks each file's words, sections and subsections against the stated ones
(all 60 come out exact). Get the dump first with the tool library's `fetch github:chinapedia/wikipedia.abstract.en`.
Written by a helper in the twelfth session, when /tmp (and the rebuilt articles) had been lost.
"""
import os
import re
import subprocess
import sys
from pathlib import Path

GITDIR = os.environ.get('MIRROR', '/work/.mirror/chinapedia+wikipedia.abstract.en/repo')
JUDGING = str(Path(__file__).resolve().parents[1] / 'docs' / 'judging')
OUT = os.environ.get('OUT', '/tmp/heldre')
SETS = range(19, 29)
END_SECTIONS = {'See also', 'References', 'Notes', 'External links', 'Further reading',
                'Gallery', 'Sources', 'Bibliography'}

# per-file overrides, filled in after reading the notes (key: file name)
OVERRIDES = {
    'postage_stamp.md': dict(not_heading=['Other claimants include or have included']),
    'mergers_and_acquisitions.md': dict(not_heading=['The five most common ways to value a business are']),
    'software_cracking.md': dict(not_heading=['The distribution of cracked copies is illegal']),
    'hindi.md': dict(not_heading=['Article 351 of the Indian constitution states'],
                     post_replace=[('\n(2) Notwithstanding', '\n\n(2) Notwithstanding')]),
    'orbit.md': dict(nested_indent='   '),
    'expert_witness.md': dict(case_skip=['THE FEDERAL RULES OF EVIDENCE']),
    'free_software_movement.md': dict(case_skip=['GOV', 'UK']),
    'ayahuasca.md': dict(case_skip=['CAAPI']),
    'forge.md': dict(nested_indent='   '),
    'european_colonisation_of_southeast_asia.md': dict(
        pre_regex=[r'\A\[\[File:European colonisation of Southeast Asia\.png.*?\n\]\]\n']),
    'film_stock.md': dict(caption_regex=[r'^soundtrack as an image of a digital signal\..*?anamorphic prints\.\]\] ']),
    'mitosis.md': dict(pre_regex=[r'\A\(phases ordered counter-clockwise\).*?shortly after division\]\]\n',
                                  r'^File:Mitosis classification closed intranuclear.*?\northomitosis\n\n']),
    'radiation_therapy.md': dict(deflist=True),
    'email.md': dict(deflist=True),
}


def git_show(path):
    return subprocess.run(['git', '--git-dir=' + GITDIR, 'show', 'HEAD:' + path],
                          capture_output=True, check=True).stdout.decode('utf-8')


def words(text):
    return len([t for t in text.split() if not re.fullmatch(r'#+', t)])


def parse_sources(n):
    src = open(f'{JUDGING}/held-{n}/SOURCES.md', encoding='utf-8').read()
    table = {}
    for m in re.finditer(r'^\| `([^`]+\.md)` \| [^|]+ \| `([^`]+)` \| `[0-9a-f]+` \| (\d+) \|$', src, re.M):
        table[m.group(1)] = (m.group(2), int(m.group(3)))
    files = []
    parts = re.split(r'^### `', src, flags=re.M)
    for p in parts[1:]:
        head, _, body = p.partition('\n')
        fname = head.split('`')[0]
        title = head.split(' — ', 1)[1].strip()
        m = re.search(r'Source `([^`]+)`; (\w+) sections? \(`##`\), (no|\w+) subsections?', body)
        nsec = int(m.group(2))
        nsub = 0 if m.group(3) == 'no' else int(m.group(3))
        m2 = re.search(r'(\d+) words\.', body)
        files.append(dict(set=n, file=fname, title=title, path=m.group(1), sections=nsec,
                          subsections=nsub, words=int(m2.group(1)), notes=body))
    return files


def classify(lines, cfg):
    """Return list of (kind, text) with kind in {'sec','sub','line','blank'} from source lines."""
    out = []
    blanks = 0
    first = True
    not_heading = set(cfg.get('not_heading', []))
    force_sub = set(cfg.get('force_sub', []))
    for i, ln in enumerate(lines):
        if ln.strip() == '':
            blanks += 1
            out.append(('blank', ''))
            continue
        nxt_blank = (i + 1 >= len(lines)) or lines[i + 1].strip() == ''
        kind = 'line'
        s = re.sub(r'(\[\d+\])+', '', ln).strip()
        if (not first and ']]' not in ln and not any(s.startswith(p) for p in not_heading)
                and not ln.startswith('  ') and nxt_blank):
            if blanks >= 2:
                kind = 'sec'
            elif blanks == 1 and (s in force_sub or (
                    len(s.split()) <= 12 and not re.search(r'[.:;,!]$', s)
                    and not re.match(r'^(-|\d+\.)\s', s))):
                kind = 'sub'
        out.append((kind, ln))
        blanks = 0
        first = False
    return out


def remove_markers(text):
    def rep(m):
        sp, s, e = m.group(1), m.start(), m.end()
        before = text[s - 1] if s > 0 else ''
        after = text[e] if e < len(text) else ''
        if sp and after and not after.isspace() and after.isalnum():
            return ' '
        if not sp and after.isalpha() and before in '.!?':
            return ' '
        return ''
    return re.sub(r'( ?)((?:\[\d+\])+)', rep, text)


def quoted_in_notes(s, notes):
    for q in ('"', "'"):
        if (q + s + q) in notes or (q + s.rstrip() + q) in notes:
            return True
    return False


def strip_captions(line, notes, log, cfg=None):
    """Remove caption fragments (containing ']]') that are quoted in the notes."""
    cfg = cfg or {}
    for rx in cfg.get('caption_regex', []):
        line2 = re.sub(rx, '', line)
        if line2 != line:
            log.append('caption regex: ' + rx[:40])
            line = line2
    if not line.strip():
        return None
    while ']]' in line:
        if quoted_in_notes(line, notes) or quoted_in_notes(line.strip(), notes):
            log.append('caption line: ' + line[:60])
            return None
        best = None
        ends = [m.start() + 2 for m in re.finditer(r'(?=\]\])', line)]
        for e in ends:
            for ee in (e + 1, e):
                if ee > len(line):
                    continue
                for i in range(0, e - 1):
                    if quoted_in_notes(line[i:ee], notes) and (best is None or ee - i > best[1] - best[0]):
                        best = (i, ee)
                        break
        if not best:
            log.append('UNRESOLVED ]] : ' + line[:100])
            return line
        i, ee = best
        frag = line[i:ee]
        log.append('caption frag: ' + frag[:60])
        if i == 0:
            line = line[ee:]
        elif ee >= len(line.rstrip()):
            line = line[:i].rstrip()
        else:
            # fragment between two sentences: keep one space
            line = line[:i].rstrip() + ' ' + line[ee:].lstrip()
        if not line.strip():
            return None
    return line


UP = "A-ZÀ-ÖØ-ÞĀ-Ž"
CAPS_RUN = re.compile(r"(?<![A-Za-z0-9À-ž'/-])[" + UP + r"][" + UP + r"'/&-]*[" + UP + r"](?:\s+[" + UP + r"][" + UP
                      + r"'/&-]*[" + UP + r"])*(?![A-Za-z0-9À-ž'])")
CONTEXTS = [(40, 40), (25, 25), (15, 15), (8, 8), (0, 12), (12, 0), (0, 6), (6, 0), (4, 4), (0, 3), (3, 0),
            (2, 2), (0, 2), (2, 0), (0, 1), (1, 0)]


def apply_case(text, notes, log, cfg=None):
    """Set ALL-CAPS terms to normal case where the notes quote them in context together with a
    differently-cased version of the same context (the "X" became "Y" / "X" → "Y" pairs)."""
    cfg = cfg or {}
    skip = set(cfg.get('case_skip', []))
    out = []
    pos = 0
    for m in CAPS_RUN.finditer(text):
        run = m.group(0)
        if run in skip or len(re.sub(r'[^A-Za-zÀ-ž]', '', run)) < 2:
            continue
        s, e = m.span()
        rep = None
        for lw, rw in CONTEXTS:
            ls = max(0, s - lw)
            re_ = min(len(text), e + rw)
            ctx = text[ls:re_]
            if '\n' in ctx:
                continue
            if lw + rw == 1 and not re.search(r'[:;,.()]', ctx[0] if lw else ctx[-1]):
                continue
            if ctx not in notes:
                continue
            pat = re.compile((r'(?<![A-Za-zÀ-ž])' if ls == s else '') + re.escape(ctx)
                             + (r'(?![A-Za-zÀ-ž])' if re_ == e else ''), re.I)
            cands = [mm.group(0) for mm in pat.finditer(notes) if mm.group(0) != ctx
                     and mm.group(0)[s - ls:s - ls + len(run)] != run]
            if cands:
                rep = cands[0][s - ls:s - ls + len(run)]
                break
        if not rep and ('"' + run) in notes:
            # quoted on its own in the notes, e.g. "TADBHAV" → "Tadbhav"
            cands = [x.group(0) for x in re.finditer(r'(?<=")' + re.escape(run) + r'(?![A-Za-zÀ-ž])', notes, re.I)
                     if x.group(0) != run]
            if cands:
                rep = cands[0]
        if rep:
            log.append(f'case: {run!r} -> {rep!r}')
            out.append(text[pos:s])
            out.append(rep)
            pos = e
    out.append(text[pos:])
    return ''.join(out)


def build(f):
    cfg = OVERRIDES.get(f['file'], {})
    notes = f['notes']
    log = []
    raw = git_show(f['path'])
    for old, new in cfg.get('pre_replace', []):
        if old not in raw:
            log.append('PRE_REPLACE NOT FOUND: ' + old[:60])
        raw = raw.replace(old, new, 1)
    for rx in cfg.get('pre_regex', []):
        raw2 = re.sub(rx, '', raw, count=1, flags=re.S | re.M)
        if raw2 == raw:
            log.append('PRE_REGEX NOT FOUND: ' + rx[:60])
        raw = raw2
    lines = raw.split('\n')
    cl = classify(lines, cfg)
    # cut at first end section
    for i, (k, t) in enumerate(cl):
        if k == 'sec' and t.strip() in END_SECTIONS:
            cl = cl[:i]
            break
    # cut after last kept section
    m = re.search(r'kept text (?:now )?ends with the section "(.+?)"(?=[ ,;.)])', notes)
    last = cfg.get('last_section', m.group(1) if m else None)
    if last:
        idx = [i for i, (k, t) in enumerate(cl) if k == 'sec' and t.strip() == last]
        if not idx:
            log.append('LAST SECTION NOT FOUND: ' + last)
        else:
            j = idx[0] + 1
            while j < len(cl) and cl[j][0] != 'sec':
                j += 1
            cl = cl[:j]
    out = []
    if cfg.get('deflist'):
        cl2 = []
        for i, (k, t) in enumerate(cl):
            if k == 'line' and not t.startswith(' ') and i + 1 < len(cl) and cl[i + 1][1].startswith('    ') \
                    and not cl[i + 1][1].lstrip().startswith('-'):
                cl2.append(('line', '- ' + t.strip()))
                continue
            if k == 'line' and t.startswith('    ') and not t.lstrip().startswith('-'):
                cl2.append(('blank', ''))
                cl2.append(('dd', '  ' + t.strip()))
                continue
            cl2.append((k, t))
        cl = cl2
    for k, t in cl:
        if k == 'dd':
            out.append(t)
            continue
        if k == 'blank':
            out.append('')
            continue
        if k in ('sec', 'sub'):
            out.append(('## ' if k == 'sec' else '### ') + t.strip())
            continue
        t2 = strip_captions(t, notes, log, cfg)
        if t2 is None:
            continue
        t = t2
        if re.match(r'^\s*(File|Image):', t):
            log.append('file line removed: ' + t[:60])
            continue
        # bullets
        nested = cfg.get('nested_indent', '  ')
        if re.match(r'^    -   ', t):
            t = nested + '- ' + t[8:]
        elif re.match(r'^-   ', t):
            t = '- ' + t[4:]
        elif re.match(r'^\d+\.  ', t):
            t = re.sub(r'^(\d+\.)  +', r'\1 ', t)
        elif t.startswith(' '):
            if cfg.get('keep_indent'):
                pass
            else:
                log.append('unindent: ' + t[:50])
                t = t.lstrip()
        out.append(t)
    text = '\n'.join(out)
    for old, new in cfg.get('post_replace', []):
        if old not in text:
            log.append('POST_REPLACE NOT FOUND: ' + old[:60])
        text = text.replace(old, new, 1)
    n_markers = len(re.findall(r'\[\d+\]', text))
    log.append(f'markers: {n_markers}')
    text = remove_markers(text)
    text = apply_case(text, notes, log, cfg)
    text = '\n'.join(line.rstrip() for line in text.split('\n'))
    text = re.sub(r'\n{3,}', '\n\n', text).strip('\n')
    text = f'# {f["title"]}\n\n{text}\n'
    if ']]' in text:
        log.append('LEFTOVER ]]')
    if re.search(r'\[\d+\]', text):
        log.append('LEFTOVER [digits]')
    return text, log


def main():
    only = sys.argv[1:]
    rows = []
    for n in SETS:
        for f in parse_sources(n):
            if only and f['file'] not in only:
                continue
            text, log = build(f)
            d = f'{OUT}/held-{n}'
            os.makedirs(d, exist_ok=True)
            open(f'{d}/{f["file"]}', 'w', encoding='utf-8').write(text)
            w = words(text)
            ns = len(re.findall(r'^## ', text, re.M))
            nss = len(re.findall(r'^### ', text, re.M))
            if w == f['words'] and ns == f['sections'] and nss == f['subsections']:
                st = 'exact'
            elif abs(w - f['words']) <= 0.01 * f['words'] and ns == f['sections'] and nss == f['subsections']:
                st = 'close'
            else:
                st = 'off'
            rows.append((n, f['file'], f['words'], w, f'{f["sections"]}/{f["subsections"]}', f'{ns}/{nss}', st))
            print(f'held-{n} {f["file"]:45s} {f["words"]:5d} {w:5d}  {f["sections"]}/{f["subsections"]} {ns}/{nss}  {st}')
            for entry in log:
                if cfg_verbose or entry.isupper() or entry.split(':')[0].isupper() or 'UNRESOLVED' in entry \
                        or 'NOT' in entry:
                    print('    ' + entry)
    if not only:
        with open(f'{OUT}/REPORT.md', 'w', encoding='utf-8') as fh:
            fh.write('# Rebuild report\n\n')
            fh.write('| Set | File | Stated words | Rebuilt words | Stated ##/### | Rebuilt ##/### | Result |\n')
            fh.write('|---|---|---|---|---|---|---|\n')
            for r in rows:
                fh.write(f'| held-{r[0]} | `{r[1]}` | {r[2]} | {r[3]} | {r[4]} | {r[5]} | {r[6]} |\n')
            c = {s: sum(1 for r in rows if r[6] == s) for s in ('exact', 'close', 'off')}
            fh.write(f'\nTotal {len(rows)} files: {c["exact"]} exact, {c["close"]} close, {c["off"]} off.\n')


cfg_verbose = os.environ.get('V') == '1'
if __name__ == '__main__':
    main()
