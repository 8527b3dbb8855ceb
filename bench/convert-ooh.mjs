// Converts the Office of the Historian visit records (../shared/real-data/ooh-visits.json) into
// this project's dataset schema, as a user bringing their own data would.
//   node bench/convert-ooh.mjs IN.json OUT.json
import fs from 'node:fs';

const [input, output] = process.argv.slice(2);
const raw = JSON.parse(fs.readFileSync(input, 'utf8'));
const slug = (s) => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
  .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 100) || 'x';
const people = new Map();
const places = new Map();
const events = raw.events.map((r) => {
  const participants = (r.participants || []).map((name) => {
    const id = slug(name);
    if (!people.has(id)) people.set(id, { id, name });
    return id;
  });
  let place;
  if (r.place) {
    place = slug(r.place);
    if (!places.has(place)) places.set(place, { id: place, name: r.place });
  }
  const e = {
    id: r.id, kind: 'visit', title: r.title,
    summary: (r.summary || '').replace(/\s+/g, ' ').trim(),
    date: r.date, sources: ['ooh'], participants,
  };
  if (r.end_date && r.end_date !== r.date) e.end_date = r.end_date;
  if (place) e.place = place;
  return e;
});
const out = {
  schema_version: 1,
  title: 'Visits by foreign leaders to the United States',
  sources: [{ id: 'ooh', title: "US Department of State, Office of the Historian, 'Visits by Foreign Leaders'", url: 'https://history.state.gov/departmenthistory/visits' }],
  people: [...people.values()], places: [...places.values()],
  events,
};
fs.writeFileSync(output, JSON.stringify(out));
console.log(`${events.length} events, ${people.size} people, ${places.size} places -> ${output}`);
