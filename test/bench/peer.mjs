// test/bench/peer.mjs PEER_DIR TEXTS.nul TARGET_BYTES MAX_SECONDS
//
// The peer of the bench: the JavaScript NLP library compromise (installed by
// test/bench/run at a pinned version into PEER_DIR) extracting people, places,
// organisations, quotations and numbers from the bench's texts, in one
// process, one text at a time.  Texts are taken in order, over and over,
// until TARGET_BYTES have gone through or MAX_SECONDS of CPU have passed.
// Prints: bytes docs seconds things-found compromise-version
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [, , peerDir, path, targetArg, maxArg] = process.argv;
const require = createRequire(join(peerDir, 'package.json'));
const { default: nlp } = await import(pathToFileURL(require.resolve('compromise')).href);
const version = JSON.parse(readFileSync(join(peerDir, 'node_modules', 'compromise', 'package.json'), 'utf8')).version;
const texts = readFileSync(path).toString('utf8').split('\0').filter((t) => t.length > 0);
const target = Number(targetArg);
const maxSeconds = Number(maxArg);
const lengths = texts.map((t) => Buffer.byteLength(t, 'utf8'));

function extract(text) {
  const doc = nlp(text);
  return doc.people().out('array').length +
    doc.places().out('array').length +
    doc.organizations().out('array').length +
    doc.quotations().out('array').length +
    doc.numbers().get().length;
}

// warm up the JIT on a few texts
for (let i = 0; i < Math.min(20, texts.length); i++) extract(texts[i]);

// seconds of CPU (user + system) of the process, as for nc_bench: other
// work on the machine does not count against it
function cpuSeconds() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}
const t0 = cpuSeconds();
let bytes = 0, docs = 0, found = 0, seconds = 0;
while (bytes < target) {
  const i = docs % texts.length;
  found += extract(texts[i]);
  bytes += lengths[i];
  docs++;
  seconds = cpuSeconds() - t0;
  if (seconds >= maxSeconds) break;
}
console.log(`${bytes} ${docs} ${seconds.toFixed(4)} ${found} ${version}`);
