"""Feature specification of the newsclaims entity tagger.

This module and src/core/ner_features.c / ner_tagger.c compute exactly the
same features; test/unit/test_entities.c checks the parity on a fixture that
tools/ner/train.py --fixture prints.  Change both together (and bump
MODEL_VERSION).

Token view (what both sides see of a token):
  text     the token's UTF-8 bytes
  quote    token is a quotation mark (NC_TK_QUOTE_*)
  poss     token is a split-off possessive 's / 's / ' (NC_TF_POSSESSIVE)
  cap      first letter upper/titlecase (NC_TF_CAP)
  allcaps  has letters, none lowercase (NC_TF_ALLCAPS)
  sstart   first word/number token of its sentence (NC_TF_SENT_START)
Derived (from text with every U+2019 read as an ASCII apostrophe: "I\u2019ve"
is "I've" for wkey, shape, affixes and blen):
  upper    cap, or any ASCII A-Z byte in text
  wkey     '"' for quotes, "'s" for possessives, else text with ASCII A-Z
           lower-cased and every ASCII digit replaced by '0'
  shape    per code point: A-Z->X, a-z->x, 0-9->d, other ASCII as is,
           non-ASCII->u (C: one 'u' per lead byte >= 0xC0, continuation
           bytes skipped, other bytes >= 0x80 -> 'u'); runs of one class
           collapsed to one; cut at 8; quotes '"', possessives "'x"
  capcode  cap | allcaps<<1 | sstart<<2 | (upper and not cap)<<3;
           15 outside the sentence
Hashes: fnv1a64 over bytes; splitmix64 finaliser; a feature is
  fh(tid, a, b) = splitmix64(a + (b ^ (tid << 48)) * K2)   (mod 2^64)
and its bucket the top WBITS bits.

Sentence and document context (both sides):
  mode     per sentence: 2 when >= 3 words and all are all-caps, 1 when >= 3
           words, >= 3 capitalised and no lower-case word of >= 4 bytes
           (title-case headline), else 0; conjoined with the cap codes
  dcase    per document, per word key: D_LOWER when written lower case
           somewhere, D_CAPMID when capitalised mid-sentence in a mode-0
           sentence; a feature of every upper token (with its capcode, mode)
  "word" here is is_wordish(): cap, allcaps or an ASCII letter.

Gazetteer word bits (8): first names m/f, demonym, title, org/loc suffix
words, COMMON (lower case in WordNet or wamerican), PROPER (capitalised-only
in wamerican); a feature T_CASEGZ joins COMMON/PROPER and the document case
bits with the capcode and sentence mode.  Phrase bits: country, city,
region (+ WordNet locations), org, WordNet person/group/misc names.

Decoding: left to right over each sentence, a beam of the width in the
model header (1: greedy); a token is scored for a hypothesis only when
`upper` or the hypothesis's previous tag is not O (otherwise it is O);
I-X only after B-X/I-X.  Per token each hypothesis is extended by every
allowed label; candidates rank by score (high first), then hypothesis rank,
then label; of candidates with the same (label, previous label) only the
first is kept, up to the width; then hypotheses more than BEAM_MARGIN
(quantized units) behind the best are dropped.  Trained as a structured
perceptron with early update (tools/ner/train.py beam_decode).
"""

M64 = (1 << 64) - 1
K2 = 0xD6E8FEB86659FD93
FNV_OFF = 0xCBF29CE484222325
FNV_PRIME = 0x100000001B3
PH_SEED = 0x6E6572676178657A

MODEL_VERSION = 4
LABELS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC',
          'B-MISC', 'I-MISC']
NLAB = 9
START = 9               # previous tag before the sentence

# gazetteer bits (uint16 value in the table)
G_FIRST_M = 1 << 0
G_FIRST_F = 1 << 1
G_DEMONYM = 1 << 2
G_TITLE = 1 << 3
G_ORGW = 1 << 4
G_LOCW = 1 << 5
G_COMMON = 1 << 6       # an ordinary word (lower case in WordNet/wamerican)
G_PROPER = 1 << 7       # only capitalised in wamerican (a proper noun)
G_WORDMASK = 0xFF
NWORDBITS = 8
G_COUNTRY = 1 << 8
G_CITY = 1 << 9
G_REGION = 1 << 10      # also WordNet locations
G_ORG = 1 << 11
G_WNPER = 1 << 12       # WordNet person instances
G_WNORG = 1 << 13       # WordNet groups
G_WNMISC = 1 << 14      # WordNet events, works, artifacts, nationalities
G_FULLMASK = 0x7F00
G_PREFIX = 1 << 15
MAXPHRASE = 6
BEAM_MARGIN = 40000     # quantized score units (the largest weight is 32000)

# feature templates
T_BIAS, T_W0, T_WM1, T_WP1, T_WM2, T_WP2 = 1, 2, 3, 4, 5, 6
T_SH0, T_SHM1_SH0, T_SH0_SHP1 = 7, 8, 9
T_SUF2, T_SUF3, T_PRE3 = 10, 11, 12
T_CAPS, T_WM1_W0, T_W0_WP1 = 13, 14, 15
T_PT, T_PT2, T_PT_W0 = 16, 17, 18
T_GAZ0, T_GAZM1, T_GAZP1, T_PHR = 19, 20, 21, 22
T_LEN, T_PT_SH0 = 23, 24
T_PHRM1, T_PHRP1, T_W0_CAP = 26, 27, 28
T_RUNLAST, T_RUNFIRST, T_RUNGAZ, T_RUNLEN = 29, 30, 31, 32
T_MODE_CAPS, T_MODE_W0, T_DOC = 33, 34, 35
T_CASEGZ = 36
# document case bits (doc_case)
D_LOWER = 1             # the word occurs written in lower case
D_CAPMID = 2            # ... capitalised, not sentence-initial, in a mode-0 sentence
CONNECT = (b'of', b'and', b'for', b'&', b'-', b'de', b'the', b'upon',
           b'von', b'van', b'der', b'al', b'du', b'la', b'da', b'del', b'bin')
H_CONNECT = None


def fnv(b):
    h = FNV_OFF
    for c in b:
        h ^= c
        h = (h * FNV_PRIME) & M64
    return h


def mix(z):
    z = (z + 0x9E3779B97F4A7C15) & M64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
    return z ^ (z >> 31)


def fh(tid, a, b=0):
    return mix((a + ((b ^ (tid << 48)) & M64) * K2) & M64)


H_BOS = fnv(b'<S>')
H_EOS = fnv(b'</S>')

_LOWER = bytes(c + 32 if 65 <= c <= 90 else (48 if 48 <= c <= 57 else c)
               for c in range(256))


class Tok:
    __slots__ = ('text', 'quote', 'poss', 'cap', 'allcaps', 'sstart',
                 'upper', 'wkey', 'wh', 'shape', 'sh', 'capcode', 'blen',
                 'suf2', 'suf3', 'pre3')

    def __init__(self, text, quote=False, poss=False, sstart=False):
        self.text = text
        self.quote = quote
        self.poss = poss
        self.sstart = sstart
        cap = False
        for c in text:
            if c.isalpha():
                cap = c.isupper() or c.istitle()
                break
        self.cap = cap and not poss and not quote
        self.allcaps = (any(c.isalpha() for c in text) and not any(
            c.islower() for c in text)) and not poss and not quote
        self.finish()

    def finish(self):
        # the word key reads U+2019 as an ASCII apostrophe ("I\u2019ve")
        text = self.text.replace('\u2019', "'")
        b = text.encode('utf-8')
        self.blen = len(b)
        self.upper = (self.cap or any(65 <= c <= 90 for c in b)) and not (
            self.quote or self.poss)
        if self.quote:
            wk = b'"'
            shp = '"'
        elif self.poss:
            wk = b"'s"
            shp = "'x"
        else:
            wk = b.translate(_LOWER)
            out = []
            for ch in text:
                o = ord(ch)
                if 65 <= o <= 90:
                    k = 'X'
                elif 97 <= o <= 122:
                    k = 'x'
                elif 48 <= o <= 57:
                    k = 'd'
                elif o < 128:
                    k = ch
                else:
                    k = 'u'
                if not out or out[-1] != k:
                    out.append(k)
            shp = ''.join(out)[:8]
        self.wkey = wk
        self.wh = fnv(wk)
        self.shape = shp
        self.sh = fnv(shp.encode('ascii', 'replace'))
        self.suf2 = fnv(wk[-2:])
        self.suf3 = fnv(wk[-3:])
        self.pre3 = fnv(wk[:3])
        self.capcode = (int(self.cap) | int(self.allcaps) << 1 |
                        int(self.sstart) << 2 |
                        int(self.upper and not self.cap) << 3)


def gaz_lookup(gaz, h):
    """gaz: dict key(64-bit phrase hash) -> bits"""
    return gaz.get(h, 0)


def phrase_key_first(wh):
    return mix(PH_SEED ^ wh)


def phrase_key_next(ph, wh):
    return mix(ph ^ wh)


def phrase_codes(toks, gaz):
    """Per token: 0, or ((fullbits >> 8) << 1 | isB) + 1 for tokens inside a
    longest gazetteer phrase match (leftmost-longest, greedy)."""
    n = len(toks)
    codes = [0] * n
    wbits = [0] * n
    for i in range(n):
        wbits[i] = gaz.get(phrase_key_first(toks[i].wh), 0)
    i = 0
    while i < n:
        if not toks[i].upper:
            i += 1
            continue
        ph = phrase_key_first(toks[i].wh)
        v = wbits[i]
        best = 0
        bestbits = 0
        j = i
        while True:
            if v & G_FULLMASK:
                best = j - i + 1
                bestbits = v & G_FULLMASK
            if not (v & G_PREFIX) or j + 1 >= n or j + 1 - i >= MAXPHRASE:
                break
            j += 1
            ph = phrase_key_next(ph, toks[j].wh)
            v = gaz.get(ph, 0)
        if best:
            for k in range(i, i + best):
                codes[k] = (((bestbits >> 8) << 1) | (k == i)) + 1
            i += best
        else:
            i += 1
    return codes, wbits


def runs(toks, wbits):
    """Runs of capitalised tokens joined by connectors: per token
    (runpos, first wh, last wh, word bits of last, length) or None.
    runpos 1 first, 2 inner, 3 last, 4 single."""
    n = len(toks)
    out = [None] * n
    conn = {fnv(c) for c in CONNECT}
    i = 0
    while i < n:
        if not toks[i].upper:
            i += 1
            continue
        j = i
        while True:
            if j + 1 < n and toks[j + 1].upper:
                j += 1
            elif j + 2 < n and toks[j + 1].wh in conn and toks[j + 2].upper:
                j += 2
            else:
                break
        ln = j - i + 1
        for k in range(i, j + 1):
            pos = 4 if i == j else (1 if k == i else (3 if k == j else 2))
            out[k] = (pos, toks[i].wh, toks[j].wh, wbits[j] & G_WORDMASK, min(ln, 6))
        i = j + 1
    return out


def is_wordish(t):
    """a word with letters: cap, allcaps or an ASCII letter (not quote/poss)"""
    if t.quote or t.poss:
        return False
    if t.cap or t.allcaps:
        return True
    return any(65 <= c <= 90 or 97 <= c <= 122 for c in t.text.encode('utf-8'))


def sentence_mode(toks):
    """0 normal; 1 title case (>= 3 words, >= 3 capitalised, no lower-case
    word of >= 4 bytes); 2 all caps (>= 3 words, all all-caps)."""
    nw = ncap = nall = nlow4 = 0
    for t in toks:
        if not is_wordish(t):
            continue
        nw += 1
        if t.allcaps:
            nall += 1
        if t.cap:
            ncap += 1
        elif not t.allcaps and t.blen >= 4:
            nlow4 += 1
    if nw >= 3 and nall == nw:
        return 2
    if nw >= 3 and ncap >= 3 and nlow4 == 0:
        return 1
    return 0


def doc_case(sents):
    """sents: list of (toks, mode) of one document -> dict wh -> D_* bits"""
    d = {}
    for toks, mode in sents:
        for t in toks:
            if not is_wordish(t):
                continue
            b = 0
            if not t.cap and not t.allcaps:
                b = D_LOWER
            elif t.cap and not t.sstart and mode == 0:
                b = D_CAPMID
            if b:
                d[t.wh] = d.get(t.wh, 0) | b
    return d


def static_features(toks, gaz, codes=None, wbits=None, mode=0, dcase=None):
    """List (per token) of lists of 64-bit feature hashes that do not
    depend on predicted tags."""
    if codes is None:
        codes, wbits = phrase_codes(toks, gaz)
    n = len(toks)
    rn = runs(toks, wbits)
    out = []
    for i in range(n):
        t = toks[i]
        wm1 = toks[i - 1].wh if i >= 1 else H_BOS
        wm2 = toks[i - 2].wh if i >= 2 else H_BOS
        wp1 = toks[i + 1].wh if i + 1 < n else H_EOS
        wp2 = toks[i + 2].wh if i + 2 < n else H_EOS
        shm1 = toks[i - 1].sh if i >= 1 else H_BOS
        shp1 = toks[i + 1].sh if i + 1 < n else H_EOS
        ccm1 = toks[i - 1].capcode if i >= 1 else 15
        ccp1 = toks[i + 1].capcode if i + 1 < n else 15
        f = [fh(T_BIAS, 0), fh(T_W0, t.wh), fh(T_WM1, wm1), fh(T_WP1, wp1),
             fh(T_WM2, wm2), fh(T_WP2, wp2), fh(T_SH0, t.sh),
             fh(T_SHM1_SH0, shm1, t.sh), fh(T_SH0_SHP1, t.sh, shp1),
             fh(T_SUF2, t.suf2), fh(T_SUF3, t.suf3), fh(T_PRE3, t.pre3),
             fh(T_CAPS, ccm1 | t.capcode << 4 | ccp1 << 8),
             fh(T_WM1_W0, wm1, t.wh), fh(T_W0_WP1, t.wh, wp1),
             fh(T_LEN, min(t.blen, 15) | int(t.allcaps) << 4),
             fh(T_W0_CAP, t.wh, t.capcode)]
        wb = wbits[i] & G_WORDMASK
        for bit in range(NWORDBITS):
            if wb >> bit & 1:
                f.append(fh(T_GAZ0, bit))
        if i >= 1:
            wb = wbits[i - 1] & G_WORDMASK
            for bit in range(NWORDBITS):
                if wb >> bit & 1:
                    f.append(fh(T_GAZM1, bit))
        if i + 1 < n:
            wb = wbits[i + 1] & G_WORDMASK
            for bit in range(NWORDBITS):
                if wb >> bit & 1:
                    f.append(fh(T_GAZP1, bit))
        r = rn[i]
        if r is not None:
            f.append(fh(T_RUNLAST, r[2], r[0]))
            f.append(fh(T_RUNFIRST, r[1], r[0]))
            f.append(fh(T_RUNGAZ, r[3] << 3 | r[0]))
            f.append(fh(T_RUNLEN, r[4] << 3 | r[0]))
        if codes[i]:
            f.append(fh(T_PHR, codes[i]))
        if i >= 1 and codes[i - 1]:
            f.append(fh(T_PHRM1, codes[i - 1]))
        if i + 1 < n and codes[i + 1]:
            f.append(fh(T_PHRP1, codes[i + 1]))
        if mode:
            f.append(fh(T_MODE_CAPS, mode, ccm1 | t.capcode << 4 | ccp1 << 8))
            f.append(fh(T_MODE_W0, t.wh, mode))
        if t.upper:
            db = dcase.get(t.wh, 0) if dcase is not None else 0
            f.append(fh(T_DOC, db, t.capcode | mode << 4))
            f.append(fh(T_CASEGZ, (wbits[i] >> 6 & 3) | db << 2,
                        t.capcode | mode << 4))
        out.append(f)
    return out


def dynamic_features(t, pt, pt2):
    return [fh(T_PT, pt), fh(T_PT2, pt2 * 16 + pt), fh(T_PT_W0, t.wh, pt),
            fh(T_PT_SH0, t.sh, pt)]


def allowed(label, pt):
    if label == 0 or label & 1:
        return True
    return pt == label - 1 or pt == label
