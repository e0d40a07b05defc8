#!/bin/sh
# The CLI twin and the SQL functions agree: for every sample article,
# `newsclaims sentences FILE` / `newsclaims tokens FILE` print the same
# sentences and tokens (numbers, paragraphs, positions, text, kind) as
# newsclaims.sentences() / newsclaims.tokens() on the same text.
# Run by test/run-all (NC_CLI, PGDATABASE set); prints ok / not ok lines.
exec python3 - "$@" <<'PY'
import glob, json, os, subprocess, sys

cli = os.environ.get("NC_CLI", "bin/newsclaims")

def sql_rows(query, body):
    tag = "$nc_body$"
    assert tag not in body
    sql = "SELECT coalesce(json_agg(r), '[]') FROM (%s) r" % (query % (tag + body + tag))
    out = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1"],
                         input=sql, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)

QUERIES = {
    "sentences": ("SELECT sentence, paragraph, lower(span) AS start, upper(span) AS end, text "
                  "FROM newsclaims.sentences(%s) ORDER BY sentence",
                  ("sentence", "paragraph", "start", "end", "text")),
    "tokens": ("SELECT token, sentence, lower(span) AS start, upper(span) AS end, text, kind "
               "FROM newsclaims.tokens(%s) ORDER BY token",
               ("token", "sentence", "start", "end", "text", "kind")),
}

for path in sorted(glob.glob("test/data/articles/*.txt")):
    name = os.path.basename(path)
    with open(path, encoding="utf-8", newline="") as f:
        body = f.read()
    for cmd, (query, fields) in QUERIES.items():
        test = "cli_twin %s %s" % (cmd, name)
        try:
            run = subprocess.run([cli, cmd, path], capture_output=True, text=True)
            if run.returncode != 0:
                print("not ok %s # CLI exit %d: %s" % (test, run.returncode, run.stderr.strip()[:200]))
                continue
            cli_rows = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
            want = [tuple(r[k] for k in fields) for r in sql_rows(query, body)]
            got = [tuple(r.get(k) for k in fields) for r in cli_rows]
        except Exception as e:  # psql failure, bad JSON, ...
            print("not ok %s # %s" % (test, str(e).strip()[:300]))
            continue
        if got == want:
            print("ok %s (%d rows)" % (test, len(want)))
        else:
            diff = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
            print("not ok %s # %d CLI rows, %d SQL rows; first difference at row %d: CLI %r, SQL %r"
                  % (test, len(got), len(want), diff + 1,
                     got[diff] if diff < len(got) else None, want[diff] if diff < len(want) else None))
PY
