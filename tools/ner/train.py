#!/usr/bin/env python3
"""Train the newsclaims entity tagger (averaged perceptron, beam-search BIO
decoding over hashed features; see nerspec.py) and write the model file
src/core/model/ner_model.bin that mk/ner.mk compiles into the library.

    python3 tools/ner/train.py                 # train, report dev, write model
    python3 tools/ner/train.py --fixture       # print the parity fixture

The shipped model (src/core/model/README) is trained on all five files once
the options are chosen on uner-ewt-dev:

    python3 tools/ner/train.py --epochs 12 --beam 4 --dev '' --fixture \
        --train uner-ewt-train.conll,uner-ewt-dev.conll,gum-train.conll,gum-dev.conll,gum-test.conll

Training data: ../shared/train (CoNLL, see its README): uner-ewt-train,
gum-train, gum-dev, gum-test by default; uner-ewt-dev is held out for the
report.  The model is derived from CC BY-SA 4.0 / CC BY(-SA) data: see
src/core/model/README.
"""
import argparse
import os
import random
import struct
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import nerspec as S  # noqa: E402

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
LEX = os.path.join(ROOT, 'src', 'core', 'lexicon')
TRAIN = os.path.normpath(os.path.join(ROOT, '..', 'shared', 'train'))

QUOTES = {'"', '``', "''", '\u201c', '\u201d', '\u201e', '\u2018', '\u2019',
          '\u00ab', '\u00bb', '`'}
CLITICS = {"n't", "'m", "'re", "'ll", "'ve", "'d", "n\u2019t", "\u2019m",
           "\u2019re", "\u2019ll", "\u2019ve", "\u2019d"}
LAB = {l: i for i, l in enumerate(S.LABELS)}


def read_conll(path):
    """-> list of documents, each a list of sentences [(word, label)]"""
    docs, doc, sent = [], [], []
    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if line == '-DOCSTART-':
            if sent:
                doc.append(sent)
                sent = []
            if doc:
                docs.append(doc)
            doc = []
            continue
        if not line.strip():
            if sent:
                doc.append(sent)
                sent = []
            continue
        w, t = line.split('\t')
        sent.append((w, t))
    if sent:
        doc.append(sent)
    if doc:
        docs.append(doc)
    return docs


def to_toks(sent):
    """Map PTB-like tokens to newsclaims' tokenization; -> (toks, labels)"""
    words, labs = [], []
    for w, t in sent:
        if w.lower() in CLITICS and words and words[-1][0][-1:].isalpha():
            words[-1] = (words[-1][0] + w, words[-1][1])
            continue
        words.append((w, t))
    toks, labels = [], []
    seen_word = False
    for k, (w, t) in enumerate(words):
        quote = w in QUOTES
        poss = False
        if w.lower() in ("'s", "\u2019s"):
            poss = True
            quote = False
        isword = any(c.isalnum() for c in w) and not quote and not poss
        tk = S.Tok(w, quote=quote or w in ("'", "\u2019"), poss=poss,
                   sstart=isword and not seen_word)
        if isword:
            seen_word = True
        toks.append(tk)
        labels.append(LAB[t])
    return toks, labels


def tokenize_entry(name):
    out = []
    for piece in name.split():
        parts = piece.split('-')
        for j, p in enumerate(parts):
            if j:
                out.append('-')
            if not p:
                continue
            for suf in ("'s", "\u2019s"):
                if p.lower().endswith(suf) and len(p) > 2:
                    out.append(p[:-2])
                    out.append(p[-2:])
                    break
            else:
                out.append(p)
    return out


def load_lex(name):
    rows = []
    for line in open(os.path.join(LEX, name), encoding='utf-8'):
        if line.startswith('#') or not line.strip():
            continue
        parts = line.rstrip('\n').split('\t')
        rows.append((parts[0].strip(), parts[1] if len(parts) > 1 else ''))
    return rows


def build_gaz():
    gaz = {}

    def add_phrase(name, bit):
        words = tokenize_entry(name)
        if not words:
            return
        ph = None
        for j, w in enumerate(words):
            t = S.Tok(w, poss=(w.lower() in ("'s", "\u2019s")))
            ph = S.phrase_key_first(t.wh) if j == 0 else S.phrase_key_next(ph, t.wh)
            if j + 1 < len(words):
                gaz[ph] = gaz.get(ph, 0) | S.G_PREFIX
        gaz[ph] = gaz.get(ph, 0) | bit

    def add_word(w, bit):
        if ' ' in w:
            return
        t = S.Tok(w)
        k = S.phrase_key_first(t.wh)
        gaz[k] = gaz.get(k, 0) | bit

    for n, _ in load_lex('ner_countries.txt'):
        add_phrase(n, S.G_COUNTRY)
    for n, _ in load_lex('ner_cities.txt'):
        add_phrase(n, S.G_CITY)
    for n, _ in load_lex('ner_regions.txt'):
        add_phrase(n, S.G_REGION)
    for n, _ in load_lex('ner_orgs.txt'):
        add_phrase(n, S.G_ORG)
    for n, v in load_lex('ner_first_names.txt'):
        if 'm' in v:
            add_word(n, S.G_FIRST_M)
        if 'f' in v:
            add_word(n, S.G_FIRST_F)
    for n, _ in load_lex('ner_demonyms.txt'):
        add_word(n, S.G_DEMONYM)
    for n, _ in load_lex('ner_titles.txt'):
        add_word(n, S.G_TITLE)
    for n, _ in load_lex('ner_org_suffix.txt'):
        add_word(n, S.G_ORGW)
    for n, _ in load_lex('ner_loc_suffix.txt'):
        add_word(n, S.G_LOCW)
    # WordNet names and the word lists (tools/ner/gen_wordlists.py)
    wnbit = {'PER': S.G_WNPER, 'ORG': S.G_WNORG, 'LOC': S.G_REGION,
             'MISC': S.G_WNMISC}
    for n, v in load_lex(os.path.join('ner', 'wn_names.txt')):
        for typ in v.split(','):
            add_phrase(n, wnbit[typ])
    for n, _ in load_lex(os.path.join('ner', 'words_common.txt')):
        add_word(n, S.G_COMMON)
    for n, _ in load_lex(os.path.join('ner', 'words_proper.txt')):
        add_word(n, S.G_PROPER)
    return gaz


class Perceptron:
    def __init__(self, bits):
        self.shift = 64 - bits
        self.w = {}
        self.tot = {}
        self.ts = {}
        self.i = 0

    def score(self, feats):
        sc = [0.0] * S.NLAB
        w = self.w
        for f in feats:
            v = w.get(f)
            if v is not None:
                for k in range(S.NLAB):
                    sc[k] += v[k]
        return sc

    def update(self, feats, gold, pred):
        self.update1(feats, gold, 1.0)
        self.update1(feats, pred, -1.0)

    def update1(self, feats, lab, d):
        i = self.i
        for f in feats:
            v = self.w.get(f)
            if v is None:
                v = self.w[f] = [0.0] * S.NLAB
                self.tot[f] = [0.0] * S.NLAB
                self.ts[f] = [0] * S.NLAB
            tot, ts = self.tot[f], self.ts[f]
            tot[lab] += (i - ts[lab]) * v[lab]
            ts[lab] = i
            v[lab] += d

    def average(self):
        i = self.i
        for f, v in self.w.items():
            tot, ts = self.tot[f], self.ts[f]
            for lab in range(S.NLAB):
                tot[lab] += (i - ts[lab]) * v[lab]
                v[lab] = tot[lab] / max(i, 1)


def buckets(fs, shift):
    return [f >> shift for f in fs]


def decode(sfeats, toks, scorer, shift, gold=None, model=None):
    """greedy decode one sentence; with gold and model: train"""
    pred = []
    pt, pt2 = S.START, S.START
    for i, t in enumerate(toks):
        if not t.upper and (pt == 0 or pt == S.START):
            lab = 0
        else:
            fs = sfeats[i] + buckets(S.dynamic_features(t, pt, pt2), shift)
            sc = scorer(fs)
            lab = 0
            best = None
            for k in range(S.NLAB):
                if S.allowed(k, pt) and (best is None or sc[k] > best):
                    best, lab = sc[k], k
            if gold is not None:
                model.i += 1
                g = gold[i]
                if not S.allowed(g, pt):
                    g -= 1      # dynamic oracle: start the entity here
                if lab != g:
                    model.update(fs, g, lab)
                    # continue from the gold tag (teacher forcing) so later
                    # features match what decoding will see most of the time
        pred.append(lab)
        pt2, pt = pt, (gold[i] if gold is not None and False else lab)
    return pred


def reachable(toks, gold):
    """The gold labels as the decoder can produce them: O on a token that
    is not scored (not upper after O), B-X for an I-X that cannot follow."""
    out = []
    pt = S.START
    for t, g in zip(toks, gold):
        if not t.upper and (pt == 0 or pt == S.START):
            g = 0
        elif not S.allowed(g, pt):
            g -= 1
        out.append(g)
        pt = g
    return out


def path_contexts(labels):
    """(pt, pt2) before each position of a label path"""
    out = []
    pt, pt2 = S.START, S.START
    for l in labels:
        out.append((pt, pt2))
        pt2, pt = pt, l
    return out


def beam_decode(sfeats, toks, scorer, shift, width, gold=None, model=None,
                margin=None):
    """Beam search over label sequences (S.beam_search in nerspec's terms):
    per token each hypothesis is extended by every allowed label (or only
    O when the token is not scored for it), candidates are ranked by score,
    then hypothesis index, then label, and of candidates with the same
    (label, previous label) only the best is kept, up to width of them.
    With gold and model: structured perceptron training with early update.
    margin (quantized weights only): drop hypotheses that far behind."""
    hyps = [(0, S.START, ())]   # score, pt, labels (pt2 = labels[-2])
    g = reachable(toks, gold) if gold is not None else None
    for i, t in enumerate(toks):
        cands = []
        static = None
        for hi, (sc0, pt, labs) in enumerate(hyps):
            if not t.upper and (pt == 0 or pt == S.START):
                cands.append((sc0, hi, 0))
                continue
            if static is None:
                static = scorer(sfeats[i])
            pt2 = labs[-2] if len(labs) >= 2 else S.START
            dyn = scorer(buckets(S.dynamic_features(t, pt, pt2), shift))
            for lab in range(S.NLAB):
                if S.allowed(lab, pt):
                    cands.append((sc0 + static[lab] + dyn[lab], hi, lab))
        cands.sort(key=lambda c: (-c[0], c[1], c[2]))
        new, seen = [], set()
        for sc, hi, lab in cands:
            key = (lab, hyps[hi][1])
            if key in seen:
                continue
            seen.add(key)
            new.append((sc, lab, hyps[hi][2] + (lab,)))
            if len(new) == width:
                break
        if margin is not None:
            while len(new) > 1 and new[-1][0] < new[0][0] - margin:
                new.pop()
        hyps = new
        if gold is not None:
            model.i += 1
            gp = tuple(g[:i + 1])
            if not any(h[2] == gp for h in hyps):
                perceptron_step(model, sfeats, toks, shift, list(gp), list(hyps[0][2]))
                return list(hyps[0][2]) + [0] * (len(toks) - i - 1)
    best = list(hyps[0][2])
    if gold is not None and best != g:
        perceptron_step(model, sfeats, toks, shift, g, best)
    return best


def perceptron_step(model, sfeats, toks, shift, gold, pred):
    cg = path_contexts(gold)
    cp = path_contexts(pred)
    for j in range(len(gold)):
        t = toks[j]
        sg = t.upper or cg[j][0] not in (0, S.START)
        sp = t.upper or cp[j][0] not in (0, S.START)
        if sg and sp and gold[j] == pred[j] and cg[j] == cp[j]:
            continue
        if sg:
            model.update1(sfeats[j] + buckets(S.dynamic_features(t, *cg[j]), shift), gold[j], 1.0)
        if sp:
            model.update1(sfeats[j] + buckets(S.dynamic_features(t, *cp[j]), shift), pred[j], -1.0)


def path_scores(sfeats, toks, scorer, shift, labels):
    """the score vector of each token along a label path (zeros where the
    path does not score the token)"""
    out = []
    for j, (pt, pt2) in enumerate(path_contexts(labels)):
        t = toks[j]
        if not t.upper and pt in (0, S.START):
            out.append([0] * S.NLAB)
        else:
            out.append(scorer(sfeats[j] + buckets(S.dynamic_features(t, pt, pt2), shift)))
    return out


def tag(sf, toks, scorer, shift, width, margin=None):
    if width <= 1:
        return decode(sf, toks, scorer, shift)
    return beam_decode(sf, toks, scorer, shift, width, margin=margin)


def spans(labels):
    out = set()
    start = None
    typ = None
    for i, l in enumerate(labels + [0]):
        name = S.LABELS[l] if l < S.NLAB else 'O'
        if start is not None and not (name.startswith('I-') and name[2:] == typ):
            out.add((start, i, typ))
            start = None
        if name.startswith('B-'):
            start, typ = i, name[2:]
    return out


def evaluate(data, scorer, shift, width=1, margin=None):
    tp = fp = fn = 0
    per = {}
    for sf, toks, gold in data:
        p = spans(tag(sf, toks, scorer, shift, width, margin))
        g = spans(gold)
        tp += len(p & g)
        fp += len(p - g)
        fn += len(g - p)
        for typ in ('PER', 'ORG', 'LOC', 'MISC'):
            a = per.setdefault(typ, [0, 0, 0])
            pp = {x for x in p if x[2] == typ}
            gg = {x for x in g if x[2] == typ}
            a[0] += len(pp & gg)
            a[1] += len(pp - gg)
            a[2] += len(gg - pp)

    def f1(t, a, b):
        return 2 * t / max(2 * t + a + b, 1)
    return f1(tp, fp, fn), {k: round(f1(*v), 3) for k, v in per.items()}


KEEP_LOWER = {'a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'and',
              'or', 'by', 'with', 'from', 'as', 'but', 'nor', 'vs'}


def recase(toks, how, rnd):
    """A copy of a sentence in title case (how 1) or upper case (how 2),
    the way headlines are written, for a tagger robust to them."""
    out = []
    for t in toks:
        w = t.text
        if not t.quote and not t.poss:
            if how == 2:
                w = w.upper()
            elif w[:1].isalpha() and not (w.lower() in KEEP_LOWER and rnd.random() < 0.85):
                w = w[:1].upper() + w[1:]
        out.append(S.Tok(w, quote=t.quote, poss=t.poss, sstart=t.sstart))
    return out


def prepare(files, gaz, shift, augment=0.0, seed=11):
    """-> list of (static bucket features per token, toks, labels); with
    augment > 0, that share of sentences gets a title-case and an upper-case
    copy too (same labels, same document)."""
    rnd = random.Random(seed)
    data = []
    for fn in files:
        for doc in read_conll(os.path.join(TRAIN, fn)):
            sents = []
            for sent in doc:
                toks, labels = to_toks(sent)
                sents.append((toks, S.sentence_mode(toks), labels))
            dcase = S.doc_case([(t, m) for t, m, _ in sents])
            extra = []
            if augment:
                for toks, mode, labels in sents:
                    if mode or not any(labels):
                        continue
                    for how in (1, 2):
                        if rnd.random() < augment:
                            tt = recase(toks, how, rnd)
                            extra.append((tt, S.sentence_mode(tt), labels))
            for toks, mode, labels in sents + extra:
                sf = [buckets(f, shift) for f in S.static_features(toks, gaz, mode=mode, dcase=dcase)]
                data.append((sf, toks, labels))
    return data


def quantize(model):
    mx = 0.0
    for v in model.w.values():
        for x in v:
            mx = max(mx, abs(x))
    scale = 32000.0 / mx if mx else 1.0
    q = {}
    for f, v in model.w.items():
        qs = [int(round(x * scale)) for x in v]
        if any(qs):
            q[f] = qs
    return q


def write_model(path, q, bits, gaz, gbits, width):
    """header; bitmap of used buckets (uint64 words); rank per word
    (uint32); int16 weights of the used buckets in bucket order (padded to
    8 bytes); gazetteer slots (uint64)."""
    nwords = (1 << bits) // 64
    bitmap = [0] * nwords
    for f in q:
        bitmap[f >> 6] |= 1 << (f & 63)
    rank = []
    r = 0
    for w in bitmap:
        rank.append(r)
        r += bin(w).count('1')
    weights = []
    for f in sorted(q):
        weights.extend(q[f])
    while len(weights) % 4:
        weights.append(0)
    size = 1 << gbits
    table = [0] * size
    for k, v in gaz.items():
        key = k & ~0xFFFF
        if key == 0:
            key = 0x10000
        idx = k >> (64 - gbits)
        while table[idx]:
            idx = (idx + 1) & (size - 1)
        table[idx] = key | v
    with open(path, 'wb') as f:
        f.write(struct.pack('<4sIIIIIII', b'NCNR', S.MODEL_VERSION, bits,
                            S.NLAB, gbits, len(q), len(gaz), width))
        f.write(struct.pack('<%dQ' % nwords, *bitmap))
        f.write(struct.pack('<%dI' % nwords, *rank))
        if nwords % 2:
            f.write(b'\0' * 4)
        f.write(struct.pack('<%dh' % len(weights), *weights))
        f.write(struct.pack('<%dQ' % size, *table))


def qscorer(q):
    def score(feats):
        sc = [0] * S.NLAB
        for f in feats:
            v = q.get(f)
            if v is not None:
                for k in range(S.NLAB):
                    sc[k] += v[k]
        return sc
    return score


FIXTURE = [
    'Deputy Secretary of State Stephen Biegun said the EU would work with NATO .',
    '" We are ready , " Alexander Lukashenko \u2019s spokesman told Reuters in Minsk .',
    'ZÜRICH-based UBS and the U.S. Securities and Exchange Commission ( SEC ) met in New York .',
    'BIEGUN MEETS EU LEADERS IN BRUSSELS',
    'Lukashenko Says Protests in Minsk Will End',
]


def fixture(q, gaz, shift, width):
    """C source of the parity fixture: token texts and flags, expected
    labels and quantized scores (test/unit/ner_fixture.h)."""
    out = ['/* Generated by tools/ner/train.py --fixture: do not edit. */',
           '/* flags: 1 cap, 2 allcaps, 4 sent_start, 8 possessive, 16 quote */']
    for si, sent in enumerate(FIXTURE):
        words = sent.split(' ')
        toks, seen = [], False
        for w in words:
            poss = w.lower() in ("'s", "\u2019s")
            quote = w in QUOTES or w in ("'", "\u2019")
            isword = any(c.isalnum() for c in w) and not quote and not poss
            toks.append(S.Tok(w, quote=quote, poss=poss, sstart=isword and not seen))
            seen = seen or isword
        mode = S.sentence_mode(toks)
        sf = [buckets(f, shift) for f in S.static_features(
            toks, gaz, mode=mode, dcase=S.doc_case([(toks, mode)]))]
        pred = tag(sf, toks, qscorer(q), shift, width, S.BEAM_MARGIN)
        full = path_scores(sf, toks, qscorer(q), shift, pred)
        def cstr(x):
            return '"' + ''.join(c if 32 <= ord(c) < 127 and c not in '"\\' else ''.join('\\%03o' % b for b in c.encode('utf-8')) for c in x) + '"'
        out.append('static const NerFixTok fix_sent%d[] = {' % si)
        for t, l, sc in zip(toks, pred, full):
            fl = (int(t.cap) | int(t.allcaps) << 1 | int(t.sstart) << 2 |
                  int(t.poss) << 3 | int(t.quote) << 4)
            out.append('\t{%s, %d, %d, {%s}},' % (cstr(t.text), fl, l, ', '.join(map(str, sc))))
        out.append('};')
    out.append('static const NerFixSent fix_sents[] = {')
    for si in range(len(FIXTURE)):
        out.append('\t{fix_sent%d, sizeof(fix_sent%d) / sizeof(fix_sent%d[0])},' % (si, si, si))
    out.append('};')
    return '\n'.join(out) + '\n'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bits', type=int, default=20)
    ap.add_argument('--epochs', type=int, default=8)
    ap.add_argument('--train', default='uner-ewt-train.conll,gum-train.conll,gum-dev.conll,gum-test.conll')
    ap.add_argument('--dev', default='uner-ewt-dev.conll')
    ap.add_argument('--out', default=os.path.join(ROOT, 'src', 'core', 'model', 'ner_model.bin'))
    ap.add_argument('--augment', type=float, default=0.15)
    ap.add_argument('--beam', type=int, default=4,
                    help='beam width of decoding and training (1: greedy)')
    ap.add_argument('--no-write', action='store_true')
    ap.add_argument('--fixture', action='store_true')
    a = ap.parse_args()
    shift = 64 - a.bits
    t0 = time.time()
    gaz = build_gaz()
    gbits = 1
    while (1 << gbits) < 2 * len(gaz):
        gbits += 1
    train = prepare(a.train.split(','), gaz, shift, augment=a.augment)
    dev = prepare(a.dev.split(','), gaz, shift) if a.dev else []
    print('gaz %d keys; train %d sents, dev %d; %.1fs' % (len(gaz), len(train), len(dev), time.time() - t0), file=sys.stderr)
    model = Perceptron(a.bits)
    rnd = random.Random(7)
    for ep in range(a.epochs):
        rnd.shuffle(train)
        for sf, toks, gold in train:
            if a.beam <= 1:
                decode(sf, toks, model.score, shift, gold=gold, model=model)
            else:
                beam_decode(sf, toks, model.score, shift, a.beam, gold=gold, model=model)
        if dev and ep in (a.epochs // 2, a.epochs - 1):
            print('epoch %d dev F1 (raw weights) %.4f %s %.0fs' % ((ep,) + evaluate(dev, model.score, shift, a.beam) + (time.time() - t0,)), file=sys.stderr)
    model.average()
    if dev:
        print('averaged dev F1 %.4f %s' % evaluate(dev, model.score, shift, a.beam), file=sys.stderr)
    print('features used: %d' % len(model.w), file=sys.stderr)
    q = quantize(model)
    if a.fixture:
        with open(os.path.join(ROOT, 'test', 'unit', 'ner_fixture.h'), 'w') as f:
            f.write(fixture(q, gaz, shift, a.beam))
    if dev:
        print('quantized dev F1 %.4f %s' % evaluate(dev, qscorer(q), shift, a.beam, S.BEAM_MARGIN), file=sys.stderr)
    if not a.no_write:
        write_model(a.out, q, a.bits, gaz, gbits, a.beam)
        print('wrote %s: %d nonzero buckets, %d bytes' % (a.out, len(q), os.path.getsize(a.out)), file=sys.stderr)


if __name__ == '__main__':
    main()
