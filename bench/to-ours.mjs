// Converts the harness's neutral synthetic dataset (data/gen.mjs) into this project's schema, so
// the anchors and our app show the same events.   node to-ours.mjs IN.json OUT.json
import fs from 'node:fs';

const [input, output] = process.argv.slice(2);
const raw = JSON.parse(fs.readFileSync(input, 'utf8'));
const slug = (s) => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
  .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 100) || 'x';
const people = new Map();
const places = new Map();
const docs = [];
const events = raw.events.map((r) => {
  const participants = (r.participants || []).map((name) => {
    const id = slug(name);
    if (!people.has(id)) people.set(id, { id, name });
    return id;
  });
  const e = { id: slug(r.id), kind: r.kind, title: r.title, summary: r.summary || '', date: r.date, participants, sources: ['gen'] };
  if (r.place) {
    const id = slug(r.place);
    if (!places.has(id)) places.set(id, { id, name: r.place });
    e.place = id;
  }
  if (r.kind === 'signing') {
    const id = `doc-${e.id}`;
    docs.push({ id, title: r.title, kind: 'other' });
    e.documents = [id];
    e.kind = 'signing';
  }
  return e;
});
// A signing must belong to a visit in the seed data's style, but the schema only needs the document.
fs.writeFileSync(output, JSON.stringify({
  schema_version: 1,
  title: `Synthetic benchmark timeline (${events.length} events)`,
  sources: [{ id: 'gen', title: 'Synthetic data from bench/data/gen.mjs', url: 'https://example.org/synthetic' }],
  people: [...people.values()], places: [...places.values()], documents: docs, events,
}));
console.log(`${events.length} events -> ${output}`);
