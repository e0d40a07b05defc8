#!/usr/bin/env python3
"""test/bench/prepare.py CORPUS MB OUTDIR -- the bench's inputs, made once.

CORPUS is a JSONL file, or a directory: its *.jsonl files (every line's
"text"), or when it has none, its *.txt files (one text each).  Writes:

  OUTDIR/texts.nul     the distinct texts, NUL-separated (nc_bench, node)
  OUTDIR/rows.copy     COPY text-format rows (id, body): the texts in order,
                       repeated until their total reaches MB megabytes
  OUTDIR/doc100.txt    one 100 MB document: the texts joined by blank lines
  OUTDIR/meta          shell assignments: NFILES NDOCS BASE_BYTES ROWS ROW_BYTES

1 MB = 10^6 bytes of UTF-8 throughout.  NUL characters (which PostgreSQL's
text cannot hold) are dropped.
"""
import glob
import json
import os
import sys

MB = 1000 * 1000
DOC_BYTES = 100 * MB


def texts_of(path):
    if path.endswith(".jsonl"):
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                line = line.strip()
                if not line:
                    continue
                obj = json.loads(line)
                t = obj.get("text") if isinstance(obj, dict) else None
                if isinstance(t, str) and t.strip():
                    yield t
    else:
        with open(path, encoding="utf-8", errors="replace") as f:
            t = f.read()
        if t.strip():
            yield t


def main():
    corpus, mb, out = sys.argv[1], float(sys.argv[2]), sys.argv[3]
    if os.path.isdir(corpus):
        files = sorted(glob.glob(os.path.join(corpus, "*.jsonl")))
        if not files:
            files = sorted(glob.glob(os.path.join(corpus, "*.txt")))
    elif os.path.isfile(corpus):
        files = [corpus]
    else:
        sys.exit("bench: no such corpus: %s" % corpus)
    texts = []
    for p in files:
        texts.extend(t.replace("\0", "").encode("utf-8") for t in texts_of(p))
    if not texts:
        sys.exit("bench: no texts in %s" % corpus)
    base = sum(len(t) for t in texts)

    with open(os.path.join(out, "texts.nul"), "wb") as f:
        f.write(b"\0".join(texts))

    def copy_escape(b):
        return (b.replace(b"\\", b"\\\\").replace(b"\t", b"\\t")
                 .replace(b"\n", b"\\n").replace(b"\r", b"\\r"))

    target = mb * MB
    rows = row_bytes = 0
    with open(os.path.join(out, "rows.copy"), "wb") as f:
        while row_bytes < target:
            t = texts[rows % len(texts)]
            rows += 1
            row_bytes += len(t)
            f.write(b"%d\t" % rows + copy_escape(t) + b"\n")

    n = 0
    with open(os.path.join(out, "doc100.txt"), "wb") as f:
        i = 0
        while n < DOC_BYTES:
            t = texts[i % len(texts)]
            if i:
                f.write(b"\n\n")
                n += 2
            f.write(t)
            n += len(t)
            i += 1

    with open(os.path.join(out, "meta"), "w") as f:
        f.write("NFILES=%d\nNDOCS=%d\nBASE_BYTES=%d\nROWS=%d\nROW_BYTES=%d\nDOC_BYTES=%d\n"
                % (len(files), len(texts), base, rows, row_bytes, n))


if __name__ == "__main__":
    main()
