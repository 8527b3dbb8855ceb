#!/usr/bin/env node
// Deterministic synthetic events for the benchmark, written twice: in this app's dataset schema
// (src/dataset/raw.rs) and in the anchors' neutral schema, so every page shows the same events.
//
//   node bench/gen-ours.mjs N OURS.json ANCHORS.json [--seed S] [--from YEAR] [--to YEAR]
//   node bench/gen-ours.mjs --from-seed data/events.json ANCHORS.json
//
// The first form generates N events: ids gen-000000 ... in date order; kinds visit, meeting,
// call, signing, statement, context; YYYY-MM-DD dates spread over --from..--to (default
// 1993..2024); multi-day visits and some context events carry end_date; one web source (title and
// url); a few fictional people, real places of both countries, topics, and one document per
// signing. Same arguments give byte-identical files (seeded PRNG, no clock, no locale).
// The second form converts the seed dataset into the anchors' schema (for the smallest size).
//
// Anchors' schema (bench/anchors/*): {"events":[{id,date,title,kind,summary,participants,place}]}
// with names instead of ids; the anchors know five kinds, so "context" is given as "statement"
// there, and dates given to the month or year are padded to the first day.
import fs from 'node:fs';

const argv = process.argv.slice(2);
const usage = (code) => {
  process.stderr.write('usage: node gen-ours.mjs N OURS.json ANCHORS.json [--seed S] [--from YEAR] [--to YEAR]\n' +
    '       node gen-ours.mjs --from-seed SEED.json ANCHORS.json\n');
  process.exit(code);
};

const writeAnchors = (file, events) => fs.writeFileSync(file,
  '{"events":[\n' + events.map((e) => JSON.stringify(e)).join(',\n') + '\n]}\n');
const pad = (d) => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);
const anchorKind = (k) => (k === 'context' ? 'statement' : k);

if (argv[0] === '--from-seed') {
  const [, input, output] = argv;
  if (!input || !output) usage(2);
  const ds = JSON.parse(fs.readFileSync(input, 'utf8'));
  const names = (list) => new Map((list || []).map((x) => [x.id, x.name]));
  const people = names(ds.people), places = names(ds.places);
  const events = ds.events.map((e) => ({
    id: e.id, date: pad(e.date), title: e.title, kind: anchorKind(e.kind), summary: e.summary || '',
    participants: (e.participants || []).map((p) => people.get(p) || p),
    place: e.place ? places.get(e.place) || e.place : '',
  }));
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  writeAnchors(output, events);
  console.error(`${events.length} seed events -> ${output}`);
  process.exit(0);
}

let n = NaN, seed = 20240601, fromYear = 1993, toYear = 2024;
const files = [];
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--seed') seed = Number(argv[++i]);
  else if (a === '--from') fromYear = Number(argv[++i]);
  else if (a === '--to') toYear = Number(argv[++i]);
  else if (a === '-h' || a === '--help') usage(0);
  else if (Number.isNaN(n)) n = Number(a);
  else files.push(a);
}
if (!Number.isInteger(n) || n < 1 || n > 999999 || files.length !== 2 || !Number.isInteger(seed) || !(toYear >= fromYear)) usage(2);
const [oursFile, anchorsFile] = files;

// mulberry32: small, fast, fully deterministic.
function mulberry32(a) {
  return function () {
    a |= 0; a = (a + 0x6D2B79F5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(seed >>> 0);
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = (arr) => arr[Math.floor(rand() * arr.length)];
const pickDistinct = (arr, k) => {
  const out = [];
  while (out.length < k) { const v = pick(arr); if (!out.includes(v)) out.push(v); }
  return out;
};
const slug = (s) => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
  .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

// Fictional people (the events are synthetic; no real official is named), real places.
const PEOPLE = [
  ['Ana Weber', 'Minister of Trade'], ['Bruno Castellano', 'Deputy Prime Minister'],
  ['Chiara Okafor', 'Ambassador'], ['Dmitri Haddad', 'Minister of Foreign Affairs'],
  ['Elif Lindqvist', 'Minister of Energy'], ['Farid Moreau', 'Head of the Customs Committee'],
  ['Greta Nakamura', 'Minister of Agriculture'], ['Hiroshi Petrov', 'Governor'],
  ['Ines Quiroga', 'Minister of Education'], ['Jonas Rahman', 'Chair of the Intergovernmental Commission'],
  ['Kavya Schulz', 'Minister of Industry'], ['Lars Valdes', 'Minister of Transport'],
  ['Maya Yilmaz', 'Minister of Health'], ['Nikolai Zeller', 'Minister of Culture'],
];
const PLACES = ['Baku', 'Minsk', 'Ganja', 'Gomel', 'Sumgait', 'Brest', 'Shaki', 'Vitebsk',
  'Lankaran', 'Grodno', 'Nakhchivan', 'Mogilev', 'Shusha', 'Novopolotsk'];
const TOPICS = ['Trade', 'Energy', 'Agriculture', 'Education', 'Tourism', 'Transport',
  'Industrial cooperation', 'Health', 'Culture', 'Customs', 'Pharmaceuticals', 'Machine building'];
const DOC_KINDS = ['protocol', 'memorandum', 'action-plan', 'agreement', 'other'];
const DOC_NAMES = { protocol: 'Protocol', memorandum: 'Memorandum of understanding', 'action-plan': 'Action plan', agreement: 'Agreement', other: 'Joint programme' };
const KINDS = [['visit', 20], ['meeting', 25], ['call', 15], ['signing', 15], ['statement', 15], ['context', 10]];
const KIND_TOTAL = KINDS.reduce((s, [, w]) => s + w, 0);
const pickKind = () => { let r = rand() * KIND_TOTAL; for (const [k, w] of KINDS) { if ((r -= w) < 0) return k; } return 'meeting'; };
const FILL = [
  'Officials described the talks as constructive and agreed that working groups would continue over the coming months.',
  'Several earlier questions remained open and were passed to the intergovernmental commission for technical review.',
  'A short joint note was published afterwards, listing follow-up dates and the ministries responsible for each item.',
  'Regional press coverage focused on the practical effects for exporters and for residents of the border regions.',
  'Both sides agreed to exchange draft texts before the next round and to brief their parliaments in advance.',
  'The programme included a working lunch, a visit to an industrial site and a closed session with advisers.',
  'Analysts expect the outcome to shape budget discussions later in the year.',
  'No figures were released, but aides said estimates would be shared with partners soon.',
  'The talks built on a preparatory meeting of deputy ministers held earlier in the year.',
];

const DAY = 86400000;
const t0 = Date.UTC(fromYear, 0, 1), t1 = Date.UTC(toYear, 11, 31);
const span = Math.round((t1 - t0) / DAY);
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

const raw = [];
for (let i = 0; i < n; i++) {
  const kind = pickKind();
  const start = t0 + int(0, span) * DAY;
  const place = pick(PLACES);
  const topics = pickDistinct(TOPICS, int(1, 3));
  const topic = topics[0].toLowerCase();
  let who, title, lead, end = null, doc = null;
  switch (kind) {
    case 'visit': {
      who = pickDistinct(PEOPLE, 2);
      title = `${who[0][1]} ${who[0][0]} visits ${place}`;
      lead = `${who[0][0]} travelled to ${place} for talks with ${who[1][0]} on ${topic}.`;
      if (rand() < 0.7) end = start + int(1, 3) * DAY;
      break;
    }
    case 'meeting': {
      who = pickDistinct(PEOPLE, int(2, 3));
      title = `${who[0][0]} and ${who[1][0]} meet in ${place} on ${topic}`;
      lead = `${who.map((p) => p[0]).join(', ').replace(/, ([^,]*)$/, ' and $1')} met in ${place} to review ${topic}.`;
      break;
    }
    case 'call': {
      who = pickDistinct(PEOPLE, 2);
      title = `Phone call between ${who[0][0]} and ${who[1][0]} on ${topic}`;
      lead = `${who[0][0]} and ${who[1][0]} spoke by phone about ${topic}, with advisers joining from ${place}.`;
      break;
    }
    case 'signing': {
      who = pickDistinct(PEOPLE, 2);
      const dk = pick(DOC_KINDS);
      doc = { kind: dk, title: `${DOC_NAMES[dk]} on ${topic}` };
      title = `${doc.title} signed in ${place}`;
      lead = `The ${doc.title.charAt(0).toLowerCase()}${doc.title.slice(1)} was signed in ${place} by ${who[0][0]} and ${who[1][0]}.`;
      break;
    }
    case 'statement': {
      who = [pick(PEOPLE)];
      title = `${who[0][1]} ${who[0][0]} comments on ${topic}`;
      lead = `${who[0][0]} set out a position on ${topic} in a statement issued in ${place}.`;
      break;
    }
    default: { // context
      who = [];
      title = `Regional forum on ${topic} held in ${place}`;
      lead = `A regional forum on ${topic} took place in ${place}, with delegations from both countries.`;
      if (rand() < 0.3) end = start + int(10, 90) * DAY;
    }
  }
  let summary = lead;
  const used = new Set();
  const words = (s) => s.split(/\s+/).length;
  while (words(summary) < 30) {
    const f = pick(FILL);
    if (used.has(f)) continue;
    used.add(f);
    summary += ' ' + f;
  }
  raw.push({ kind, date: iso(start), end_date: end ? iso(end) : null, title, summary,
    participants: who.map((p) => p[0]), place, topics, doc });
}
raw.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.title < b.title ? -1 : a.title > b.title ? 1 : 0));

const width = 6;
const documents = [];
const events = raw.map((r, i) => {
  const id = `gen-${String(i).padStart(width, '0')}`;
  const e = { id, kind: r.kind, title: r.title, summary: r.summary, date: r.date };
  if (r.end_date) e.end_date = r.end_date;
  if (r.participants.length) e.participants = r.participants.map(slug);
  e.place = slug(r.place);
  e.topics = r.topics.map(slug);
  if (r.doc) {
    const docId = `doc-${String(i).padStart(width, '0')}`;
    documents.push({ id: docId, title: r.doc.title, kind: r.doc.kind });
    e.documents = [docId];
  }
  e.sources = ['web'];
  return e;
});
const ours = {
  schema_version: 1,
  title: `Synthetic benchmark timeline (${n} events)`,
  sources: [{ id: 'web', title: 'Synthetic events generated by bench/gen-ours.mjs (not real)', url: 'https://example.org/az-by-timeline/bench' }],
  people: PEOPLE.map(([name, role]) => ({ id: slug(name), name, role })),
  places: PLACES.map((name) => ({ id: slug(name), name })),
  topics: TOPICS.map((name) => ({ id: slug(name), name })),
  documents,
  events,
};
// One event per line: readable, still valid JSON.
const body = JSON.stringify({ ...ours, events: [] }).replace(/"events":\[\]\}$/, '"events":[\n')
  + events.map((e) => JSON.stringify(e)).join(',\n') + '\n]}\n';
fs.writeFileSync(oursFile, body);
writeAnchors(anchorsFile, raw.map((r, i) => ({
  id: events[i].id, date: r.date, title: r.title, kind: anchorKind(r.kind), summary: r.summary,
  participants: r.participants, place: r.place,
})));
console.error(`${n} events -> ${oursFile} (this app's schema), ${anchorsFile} (anchors' schema)`);
