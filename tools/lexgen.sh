#!/bin/sh
# lexgen.sh OUT.c LEXICON.txt...
#
# Compiles lexicon data files into C: each src/core/lexicon/NAME.txt becomes
# `const NcLexicon nc_lex_NAME`, a byte-sorted array with a hash index
# (each slot holding 16 bits of the key's hash beside the entry index), a mask of
# the key lengths present and a bitmap of the keys' first, second and last
# bytes and lengths (a pre-filter: most words looked up are in no lexicon),
# searched by nc_lex_find().  A data line is `key` or `key<TAB>value`; '#' starts a
# comment line (origin and licence live there).  Keys are kept as written:
# each lexicon's header says whether they are lower-cased.
#
# A union (UNIONS below) of several lexicons is one more NcLexicon,
# nc_lex_UNION, of every key of its sources (values NULL), and beside it
# nc_lexu_UNION[entry][source]: the key's entry index + 1 in each source (0
# where absent).  A caller that asks all of them about one word then looks
# it up once.
#
# Also writes OUT's sibling lexicon_data.h with the declarations.
set -eu
out=$1; shift
hdr=$(dirname "$out")/lexicon_data.h
tmp=$out.tmp
# the entity rules ask all of these about the same words (entities_rules.c)
UNIONS="ner_rule_words=ner_cue_words,ner_titles,ner_heads,quote_cues,sentence_starters,claim_months"

# a lexicon's data lines, comments and blanks stripped, sorted bytewise,
# duplicate keys dropped: the order of its entries
clean() {
	grep -v '^[[:space:]]*#' "$1" | sed 's/[[:space:]]*$//' | grep -v '^$' |
		LC_ALL=C sort -t '	' -k1,1 -u
}

# awk: an open-addressing hash index over entries 0..n-1, whose keys' hashes
# are hash[] (the hash is lex_hash() of lexicon.c: h = h * 31 + byte,
# mod 2^32), and the NcLexicon; lens[] holds the key lengths present
INDEX='
function keyhash(s,    h, k) {
	h = 0
	for (k = 1; k <= length(s); k++)
		h = (h * 31 + ord[substr(s, k, 1)]) % 4294967296
	return h
}
# the pre-filter bit of a key (nc_lex_filter_bit() of nc_lexicon.h)
function filterbit(s, mask,    l, b) {
	l = length(s)
	b = l > 1 ? ord[substr(s, 2, 1)] : 0
	return (ord[substr(s, 1, 1)] * 29791 + b * 961 + ord[substr(s, l, 1)] * 31 + \
		(l < 63 ? l : 63)) % (mask + 1)
}
# byte k (1-based) of s with bit 0x20 set, 0 past its end (NC_LEX_KEY4)
function low20(s, k,    b) {
	if (k > length(s)) return 0
	b = ord[substr(s, k, 1)]
	return (int(b / 32) % 2) ? b : b + 32
}
# a * b mod 2^32 for a, b < 2^32, exact in the doubles of awk
function mul32(a, b) {
	return ((a % 65536) * b + ((int(a / 65536) * b) % 65536) * 65536) % 4294967296
}
# the prefix filter bit of a key (nc_lex_prefix_bit() of nc_lexicon.h): the
# top bits of its four bytes times a Fibonacci multiplier
function prefixbit(s, mask,    k4) {
	k4 = low20(s, 1) + low20(s, 2) * 256 + low20(s, 3) * 65536 + low20(s, 4) * 16777216
	return int(mul32(k4, 2654435761) / (4294967296 / (mask + 1)))
}
# a bitmap of one bit per key (kind "filter": filterbit, some eight bits a
# key, 512 to 16384; "prefix": prefixbit, some 32 bits a key, as callers
# run it on every word, 1024 to 16384); returns bits - 1
function emit_filter(name, n, kind,    bits, i, w, q, v, k, fbit) {
	bits = kind == "prefix" ? 1024 : 512
	while (bits < (kind == "prefix" ? 32 : 8) * n && bits < 16384) bits *= 2
	for (i = 0; i < n; i++)
		fbit[kind == "prefix" ? prefixbit(key[i], bits - 1) : filterbit(key[i], bits - 1)] = 1
	printf "static const uint64_t %s_%s[%d] = {", kind, name, bits / 64
	# (in 16-bit quarters: %x of some awks stops at 2^31)
	for (w = 0; w < bits / 64; w++) {
		printf "%sUINT64_C(0x", (w == 0 ? "\n\t" : w % 4 ? ", " : ",\n\t")
		for (q = 3; q >= 0; q--) {
			v = 0
			for (k = 0; k < 16; k++)
				if ((w * 64 + q * 16 + k) in fbit) v += 2 ^ k
			printf "%04x", v
		}
		printf ")"
	}
	print "\n};"
	return bits - 1
}
function emit_index(name, n,    size, i, b, l, lenmask, fmask) {
	size = 8
	while (size < 2 * n) size *= 2
	for (i = 0; i < size; i++) slot[i] = 0
	for (i = 0; i < n; i++) {
		b = hash[i] % size
		while (slot[b]) b = (b + 1) % size
		slot[b] = i + 1
	}
	# a slot is the high 16 bits of the key hash and the entry
	# index + 1 in the low 16
	if (n >= 65535) {
		print "lexgen.sh: " name ": too many entries" > "/dev/stderr"
		exit 1
	}
	printf "static const uint32_t slots_%s[%d] = {", name, size
	# (in hex halves: %d of some awks stops at 2^31)
	for (i = 0; i < size; i++)
		printf "%s0x%04x%04x", (i == 0 ? "\n\t" : i % 8 ? ", " : ",\n\t"),
			(slot[i] ? int(hash[slot[i] - 1] / 65536) : 0), slot[i]
	print "\n};"
	lenmask = "0"
	for (l = 0; l < 64; l++)
		if (l in lens)
			lenmask = lenmask sprintf(" | (UINT64_C(1) << %d)", l)
	fmask = emit_filter(name, n, "filter")
	printf "const NcLexicon nc_lex_%s = {\"%s\", entries_%s, %d, slots_%s, %d, %s, filter_%s, %d, %s};\n", name, name, name, n, name, size - 1, lenmask, name, fmask, emit_prefix(name, n)
}
# the prefix filter of the keys, as the initializer of an NcLexPrefix
function emit_prefix(name, n,    pmask, pshift) {
	pmask = emit_filter(name, n, "prefix")
	for (pshift = 32; pmask >= 1; pmask = int(pmask / 2)) pshift--
	return sprintf("{prefix_%s, %d}", name, pshift)
}
function q(s) { gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); return "\"" s "\"" }
BEGIN { n = 0; for (i = 1; i < 256; i++) ord[sprintf("%c", i)] = i }
'

{
	echo '/* Generated by tools/lexgen.sh from src/core/lexicon: do not edit. */'
	echo '#include "nc_lexicon.h"'
} > "$tmp"
{
	echo '/* Generated by tools/lexgen.sh: do not edit. */'
	echo '#ifndef NC_LEXICON_DATA_H'
	echo '#define NC_LEXICON_DATA_H'
	echo '#include "nc_lexicon.h"'
} > "$hdr.tmp"
for f in "$@"; do
	name=$(basename "$f" .txt | tr -c 'A-Za-z0-9_\n' '_')
	echo "extern const NcLexicon nc_lex_$name;" >> "$hdr.tmp"
	clean "$f" | LC_ALL=C awk -F '	' -v name="$name" "$INDEX"'
		{
			v = (NF >= 2) ? q($2) : "NULL"
			line[n] = sprintf("\t{%s, %d, %s},", q($1), length($1), v)
			key[n] = $1
			hash[n] = keyhash($1)
			lens[length($1) < 63 ? length($1) : 63] = 1
			n++
		}
		END {
			printf "static const NcLexEntry entries_%s[] = {\n", name
			for (i = 0; i < n; i++) print line[i]
			print "};"
			emit_index(name, n)
		}' >> "$tmp"
done
for u in $UNIONS; do
	name=${u%%=*}
	srcs=$(echo "${u#*=}" | tr ',' ' ')
	nsrc=$(echo $srcs | wc -w)
	i=0
	for s in $srcs; do
		f=
		for a in "$@"; do
			[ "$(basename "$a" .txt)" = "$s" ] && f=$a
		done
		[ -n "$f" ] || { echo "lexgen.sh: $name: no lexicon $s" >&2; exit 1; }
		# each key with its source and its entry index there
		clean "$f" | LC_ALL=C awk -F '	' -v s=$i '{ print $1 "\t" s "\t" NR - 1 }'
		i=$((i + 1))
	done | LC_ALL=C sort -t '	' -k1,1 -k2,2n |
		LC_ALL=C awk -F '	' -v name="$name" -v nsrc=$nsrc "$INDEX"'
		{
			if (n == 0 || $1 != key[n - 1]) {
				key[n] = $1
				hash[n] = keyhash($1)
				lens[length($1) < 63 ? length($1) : 63] = 1
				n++
			}
			idx[n - 1, $2] = $3 + 1
		}
		END {
			printf "static const NcLexEntry entries_%s[] = {\n", name
			for (i = 0; i < n; i++)
				printf "\t{%s, %d, NULL},\n", q(key[i]), length(key[i])
			print "};"
			emit_index(name, n)
			printf "const uint16_t nc_lexu_%s[][%d] = {\n", name, nsrc
			for (i = 0; i < n; i++) {
				printf "\t{"
				for (s = 0; s < nsrc; s++)
					printf "%s%d", (s ? ", " : ""), ((i, s) in idx ? idx[i, s] : 0)
				print "},"
			}
			print "};"
		}' >> "$tmp"
	echo "extern const NcLexicon nc_lex_$name;" >> "$hdr.tmp"
	echo "extern const uint16_t nc_lexu_${name}[][$nsrc];" >> "$hdr.tmp"
done
# a checksum of all lexicon data identifies the lexicon version
sum=$(cat "$@" | cksum | awk '{ printf "%08x", $1 }')
echo "const char nc_lexicon_version[] = \"$sum\";" >> "$tmp"
echo 'extern const char nc_lexicon_version[];' >> "$hdr.tmp"
echo '#endif' >> "$hdr.tmp"
mv "$tmp" "$out"
mv "$hdr.tmp" "$hdr"
