#!/usr/bin/env python3
"""Generate the tagger's WordNet gazetteer and word lists in
src/core/lexicon/ner/ (read only by tools/ner/train.py, which hashes them
into the model; not compiled as C lexicons).  Python 3 standard library.

    apt-get install wordnet-base wamerican
    python3 tools/ner/gen_wordlists.py [--wordnet /usr/share/wordnet]
                                       [--dict /usr/share/dict/american-english]

Writes:
  wn_names.txt     WordNet instance nouns (and capitalised lemmas of some
                   lexicographer files) with a type: PER (noun.person
                   instances), LOC (noun.location, noun.object instances;
                   capitalised noun.location/noun.object lemmas), ORG
                   (noun.group instances and capitalised lemmas), MISC
                   (instances of noun.act, noun.artifact, noun.communication,
                   noun.event, noun.cognition, noun.possession, noun.state;
                   capitalised noun.person, noun.communication and
                   noun.cognition lemmas: nationalities, languages, creeds).
  words_common.txt words written in lower case in WordNet (any part of
                   speech) or in the wamerican list: ordinary words.
  words_proper.txt words the wamerican list has only capitalised (proper
                   nouns), lower-cased.
Sources and licences:
  WordNet 3.0 (Debian wordnet-base 3.0): "WordNet 3.0 Copyright 2006 by
  Princeton University.  All rights reserved." WordNet 3.0 licence
  (permission to use, copy, modify and distribute for any purpose without
  fee, keeping the copyright notice and disclaimer; see
  /usr/share/doc/wordnet-base/copyright).
  wamerican (SCOWL, Kevin Atkinson and others; Debian wamerican): permissive
  licence, "Permission to use, copy, modify, distribute and sell these word
  lists ... is hereby granted without fee" with the copyright notice kept
  (see /usr/share/doc/wamerican/copyright).
"""
import argparse
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, '..', '..', 'src', 'core', 'lexicon', 'ner'))

WN_NOTICE = [
    '# Source: WordNet 3.0 (Debian package wordnet-base), Princeton University.',
    '# WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.',
    '# Licence: WordNet 3.0 licence (BSD-like): permission to use, copy, modify',
    '# and distribute for any purpose without fee, keeping this notice.  THE',
    '# DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO',
    '# REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED.',
]
SCOWL_NOTICE = [
    '# Source: SCOWL word list as packaged in Debian wamerican (american-english).',
    '# Copyright 2000-2011 by Kevin Atkinson and the copyright holders named in',
    '# /usr/share/doc/wamerican/copyright.  Permission to use, copy, modify,',
    '# distribute and sell these word lists is granted without fee provided the',
    '# copyright notice and permission notice appear in all copies.',
]

# lexicographer file -> type for instance nouns
INST = {18: 'PER', 15: 'LOC', 17: 'LOC', 14: 'ORG',
        4: 'MISC', 6: 'MISC', 9: 'MISC', 10: 'MISC', 11: 'MISC', 21: 'MISC',
        26: 'MISC'}
# ... for capitalised lemmas of ordinary (class) nouns
CAP = {18: 'MISC', 10: 'MISC', 9: 'MISC', 14: 'ORG', 15: 'LOC', 17: 'LOC'}


def clean(w):
    w = w.replace('_', ' ')
    if '(' in w:
        w = w[:w.index('(')]
    return w.strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--wordnet', default='/usr/share/wordnet')
    ap.add_argument('--dict', default='/usr/share/dict/american-english')
    a = ap.parse_args()
    names = {}
    common = set()
    for pos in ('noun', 'verb', 'adj', 'adv'):
        for line in open(os.path.join(a.wordnet, 'data.' + pos), encoding='latin-1'):
            if line.startswith('  '):
                continue
            f = line.split(' ')
            lex = int(f[1])
            n = int(f[3], 16)
            words = [clean(f[4 + 2 * i]) for i in range(n)]
            p = int(f[4 + 2 * n])
            ptrs = [f[5 + 2 * n + 4 * i] for i in range(p)]
            for w in words:
                if w and w == w.lower() and ' ' not in w and w.isascii():
                    common.add(w)
            if pos != 'noun':
                continue
            typ = INST.get(lex) if '@i' in ptrs else CAP.get(lex)
            if not typ:
                continue
            for w in words:
                if not w or not w[0].isupper() or not w.isascii():
                    continue
                if len(w) < 2 or len(w.split()) > 6:
                    continue
                names.setdefault(w, set()).add(typ)
    proper = set()
    dict_lower = set()
    for line in open(a.dict, encoding='utf-8'):
        w = line.strip()
        if not w or "'" in w or not w.isascii():
            continue
        if w == w.lower():
            dict_lower.add(w)
        elif w[0].isupper():
            proper.add(w.lower())
    common |= dict_lower
    common = {w for w in common if w.isalpha() or '-' not in w}
    proper -= common
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, 'wn_names.txt'), 'w', encoding='utf-8') as f:
        f.write('# Names from WordNet 3.0 nouns, with a type (PER, ORG, LOC, MISC; several\n'
                '# types joined by ","): instance nouns by lexicographer file and\n'
                '# capitalised lemmas of some files (see tools/ner/gen_wordlists.py).\n'
                '# Generated by tools/ner/gen_wordlists.py: do not edit.\n')
        f.write('\n'.join(WN_NOTICE) + '\n')
        for w in sorted(names):
            f.write('%s\t%s\n' % (w, ','.join(sorted(names[w]))))
    with open(os.path.join(OUT, 'words_common.txt'), 'w', encoding='utf-8') as f:
        f.write('# Ordinary words: written in lower case in WordNet 3.0 (any part of\n'
                '# speech) or in the wamerican word list.\n'
                '# Generated by tools/ner/gen_wordlists.py: do not edit.\n')
        f.write('\n'.join(WN_NOTICE + SCOWL_NOTICE) + '\n')
        for w in sorted(common):
            f.write(w + '\n')
    with open(os.path.join(OUT, 'words_proper.txt'), 'w', encoding='utf-8') as f:
        f.write('# Words the wamerican list has only capitalised (proper nouns),\n'
                '# lower-cased, not in words_common.txt.\n'
                '# Generated by tools/ner/gen_wordlists.py: do not edit.\n')
        f.write('\n'.join(SCOWL_NOTICE) + '\n')
        for w in sorted(proper):
            f.write(w + '\n')
    print('names %d, common %d, proper %d' % (len(names), len(common), len(proper)))


if __name__ == '__main__':
    main()
