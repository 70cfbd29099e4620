// A module using every part of the format once, in two languages, with rich text already in the
// form the editor gives (normalizeRichText), so that a round trip must return it unchanged.
import type { InstrumentBlock, LocalizedRichText, Module, Program } from '../../generated/format.js';

type RichContent = LocalizedRichText[string]['content'];

/** Plain text in both languages. */
export function text(sv: string, en = sv): { sv: string; en: string } {
  return { sv, en };
}

function rich(sv: RichContent, en: RichContent = sv): LocalizedRichText {
  return { sv: { type: 'doc', content: sv }, en: { type: 'doc', content: en } };
}

function paragraph(words: string): RichContent[number] {
  return { type: 'paragraph', content: [{ type: 'text', text: words }] };
}

const link = { href: 'https://careloom.org/help', target: '_blank', rel: 'noopener noreferrer nofollow', class: null } as const;

/** Every node and mark of the allow-list, with defaults spelled out as the editor writes them. */
const everyNode: RichContent = [
  { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Om panik' }] },
  {
    type: 'paragraph',
    content: [
      { type: 'text', text: 'Panik är ' },
      { type: 'text', text: 'ofarlig', marks: [{ type: 'bold' }, { type: 'italic' }] },
      { type: 'text', text: ' men ' },
      { type: 'text', text: 'obehaglig', marks: [{ type: 'underline' }] },
      { type: 'hardBreak' },
      { type: 'text', text: 'gammalt', marks: [{ type: 'strike' }] },
      { type: 'text', text: ' ' },
      { type: 'text', text: 'kod', marks: [{ type: 'code' }] },
      { type: 'text', text: ' och ' },
      { type: 'text', text: 'en länk', marks: [{ type: 'link', attrs: link }, { type: 'bold' }] },
    ],
  },
  { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('Hjärtklappning')] }, { type: 'listItem', content: [paragraph('Yrsel'), { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('Nästlad')] }] }] }] },
  { type: 'orderedList', attrs: { start: 3, type: null }, content: [{ type: 'listItem', content: [paragraph('Andas')] }] },
  { type: 'blockquote', content: [paragraph('Ett citat')] },
  { type: 'callout', attrs: { tone: 'crisis' }, content: [paragraph('Ring 112 vid fara.')] },
  { type: 'horizontalRule' },
  { type: 'paragraph' },
];

const scale = [
  { id: 'never', label: text('Aldrig', 'Not at all'), score: 0, code: 'LA6568-5' },
  { id: 'some', label: text('Flera dagar', 'Several days'), score: 1, code: 'LA6569-3' },
  { id: 'half', label: text('Mer än hälften', 'More than half the days'), score: 2, code: 'LA6570-1' },
  { id: 'daily', label: text('Nästan varje dag', 'Nearly every day'), score: 3, code: 'LA6571-9' },
] as NonNullable<InstrumentBlock['options']>;

const instrument: InstrumentBlock = {
  type: 'instrument',
  id: 'phq3',
  visibleWhen: { op: 'answered', item: 'mood' },
  name: text('Trefrågeskalan', 'Three-item scale'),
  abbreviation: 'TQ-3',
  instructions: text('Under de senaste två veckorna…', 'Over the last two weeks…'),
  codes: { system: 'http://loinc.org', panel: '44249-1', total: '44261-6' },
  licence: { name: 'Public domain', url: 'https://careloom.org/licence', attribution: 'Careloom test fixture' },
  locked: true,
  options: scale,
  items: [
    { id: 'q1', text: text('Lite intresse', 'Little interest'), code: '44250-9' },
    { id: 'q2', text: text('Nedstämd', 'Feeling down'), reversed: false, required: true },
    { id: 'q3', text: text('Svårt att sova', 'Trouble sleeping') },
    {
      id: 'q4',
      text: text('Hur svårt?', 'How difficult?'),
      scored: false,
      required: false,
      options: [
        { id: 'notDifficult', label: text('Inte svårt', 'Not difficult'), score: 0 },
        { id: 'veryDifficult', label: text('Mycket svårt', 'Very difficult'), score: 1 },
      ],
    },
  ],
  scoring: {
    total: { method: 'sum', items: ['q1', 'q2', 'q3'], decimals: 0, code: '44261-6' },
    subscales: [{ id: 'mood', name: text('Stämning', 'Mood'), method: 'mean', items: ['q1', 'q2'], decimals: 1, maxMissing: 0 }],
    missing: { maxMissing: 1, impute: 'mean', source: 'Scoring manual, p. 3' },
    bands: [
      { id: 'minimal', min: 0, max: 2, label: text('Minimal'), level: 0 },
      { id: 'mild', min: 3, max: 5, label: text('Lindrig', 'Mild'), level: 1 },
      { id: 'severe', min: 6, max: 9, label: text('Svår', 'Severe'), level: 4 },
    ],
    alerts: [
      { id: 'sleepless', level: 'warning', message: text('Sömnproblem', 'Sleep problems'), when: { of: 'item', item: 'q3', op: 'gte', value: 2 } },
      { id: 'high', level: 'urgent', message: text('Hög poäng', 'High score'), when: { of: 'total', op: 'gte', value: 6 } },
      { id: 'moodLow', level: 'info', message: text('Låg stämning', 'Low mood'), when: { of: 'subscale', subscale: 'mood', op: 'gt', value: 2 } },
      { id: 'inBand', level: 'info', message: text('Lindrig'), when: { of: 'band', bands: ['mild'] } },
    ],
  },
  tests: [
    { name: 'lowest', answers: { q1: 'never', q2: 'never', q3: 'never' }, expect: { total: 0, subscales: { mood: 0 }, band: 'minimal', alerts: [] } },
    { name: 'highest', answers: { q1: 'daily', q2: 'daily', q3: 'daily', q4: 'veryDifficult' }, expect: { total: 9, subscales: { mood: 3 }, band: 'severe', alerts: ['sleepless', 'high', 'moodLow'] } },
    { name: 'one missing', answers: { q1: 'some', q2: 'half', q3: null }, expect: { total: 5, subscales: { mood: 1.5 }, band: 'mild', alerts: ['inBand'] } },
  ],
};

/** The rich fixture module. */
export function fixtureModule(): Module {
  const module: Module = {
    formatVersion: 1,
    id: 'panic-basics',
    title: text('Panik: grunderna', 'Panic: the basics'),
    summary: text('Vad panik är.', 'What panic is.'),
    languages: ['sv', 'en'],
    defaultLanguage: 'sv',
    tags: ['panic', 'psychoeducation'],
    authors: [{ name: 'Ada Lind', organisation: 'Careloom', role: 'psychologist' }, { name: 'Bo Ek' }],
    targetGroup: text('Vuxna med panikångest', 'Adults with panic disorder'),
    estimatedMinutes: 25,
    readingLevel: 'standard',
    pages: [
      {
        id: 'intro',
        title: text('Välkommen', 'Welcome'),
        blocks: [
          { type: 'text', id: 'about', content: rich(everyNode, [paragraph('Panic is harmless.'), ...everyNode.slice(2)]) },
          { type: 'image', id: 'picture', src: 'https://cdn.careloom.org/panic.png', alt: text('En person andas', 'A person breathing'), caption: text('Andas lugnt', 'Breathe calmly'), credit: 'Foto: Careloom' },
          {
            type: 'film', id: 'film', src: '/media/panic.mp4', poster: '/media/panic.jpg', durationSeconds: 95,
            alt: text('Film om panik', 'Film about panic'), caption: text('Om panik', 'About panic'),
            captions: [{ language: 'sv', src: '/media/panic.sv.vtt' }, { language: 'en', src: '/media/panic.en.vtt' }],
            transcript: rich([paragraph('Berättare: Panik är…')], [paragraph('Narrator: Panic is…')]),
          },
          { type: 'unitContact', id: 'contact', show: ['name', 'phone', 'crisisPhone', 'openingHours'], intro: text('Hör av dig', 'Get in touch') },
        ],
      },
      {
        id: 'questions',
        title: text('Frågor', 'Questions'),
        blocks: [
          { type: 'question', id: 'mood', prompt: text('Hur mår du?', 'How are you?'), help: text('Välj ett', 'Pick one'), required: true, input: { kind: 'singleChoice', display: 'radio', options: [{ id: 'good', label: text('Bra', 'Good'), value: 1 }, { id: 'bad', label: text('Dåligt', 'Bad'), value: 0 }] } },
          { type: 'question', id: 'symptoms', prompt: text('Symtom?', 'Symptoms?'), input: { kind: 'multipleChoice', minSelected: 0, maxSelected: 2, options: [{ id: 'heart', label: text('Hjärta', 'Heart') }, { id: 'dizzy', label: text('Yrsel', 'Dizziness') }, { id: 'none', label: text('Inga', 'None') }] } },
          { type: 'question', id: 'worry', prompt: text('Oro?', 'Worry?'), visibleWhen: { op: 'includes', item: 'symptoms', value: 'heart' }, input: { kind: 'scale', options: [{ id: 'low', label: text('Låg', 'Low'), value: 1 }, { id: 'mid', label: text('Mellan', 'Medium'), value: 2 }, { id: 'high', label: text('Hög', 'High'), value: 3 }] } },
          { type: 'question', id: 'anxiety', prompt: text('Ångest 0–10', 'Anxiety 0–10'), input: { kind: 'slider', min: 0, max: 10, step: 0.5, minLabel: text('Ingen', 'None'), maxLabel: text('Värsta', 'Worst') } },
          { type: 'question', id: 'weight', prompt: text('Vikt', 'Weight'), input: { kind: 'number', unit: { code: 'kg', label: text('kg') }, min: 20, max: 300, decimals: 1 } },
          { type: 'question', id: 'notes', prompt: text('Anteckningar', 'Notes'), required: false, input: { kind: 'text', multiline: true, maxLength: 2000 } },
          { type: 'question', id: 'lastAttack', prompt: text('Senaste attacken', 'Last attack'), input: { kind: 'dateTime', mode: 'dateTime' } },
          { type: 'question', id: 'medication', prompt: text('Medicin?', 'Medication?'), input: { kind: 'yesNo', yesLabel: text('Ja', 'Yes'), noLabel: text('Nej', 'No') } },
          {
            type: 'grid', id: 'situations', prompt: text('Undviker du…', 'Do you avoid…'), required: true,
            visibleWhen: { op: 'not', condition: { op: 'eq', item: 'medication', value: true } },
            options: [{ id: 'no', label: text('Nej', 'No'), value: 0 }, { id: 'yes', label: text('Ja', 'Yes'), value: 1 }],
            rows: [{ id: 'shops', prompt: text('Affärer', 'Shops') }, { id: 'buses', prompt: text('Bussar', 'Buses') }],
          },
        ],
        branches: [
          { when: { op: 'all', conditions: [{ op: 'eq', item: 'mood', value: 'good' }, { op: 'lt', item: 'anxiety', value: 3 }] }, goTo: 'practice' },
          { when: { op: 'any', conditions: [{ op: 'gte', item: 'anxiety', value: 9 }, { op: 'ne', item: 'shops', value: 'no' }] }, goTo: 'scale' },
        ],
      },
      {
        id: 'scale',
        title: text('Skattning', 'Rating'),
        visibleWhen: { op: 'answered', item: 'anxiety' },
        blocks: [instrument],
      },
      {
        id: 'practice',
        title: text('Övning', 'Practice'),
        blocks: [
          {
            type: 'exercise', id: 'breathing', title: text('Andningsövning', 'Breathing exercise'),
            instructions: rich([paragraph('Andas in i fyra sekunder.')], [paragraph('Breathe in for four seconds.')]),
            practiceDays: 7,
            fields: [
              { id: 'minutes', label: text('Minuter', 'Minutes'), help: text('Ungefär', 'Roughly'), required: true, input: { kind: 'number', min: 0, max: 120 } },
              { id: 'how', label: text('Hur gick det?', 'How did it go?'), input: { kind: 'text', maxLength: 500 } },
            ],
          },
          {
            type: 'registration', id: 'dailyCheck', title: text('Daglig koll', 'Daily check'), description: text('Fyll i varje kväll', 'Fill in every evening'),
            fields: [
              { id: 'attacks', label: text('Attacker', 'Attacks'), input: { kind: 'number', min: 0, max: 50 } },
              { id: 'walked', label: text('Promenad', 'Walk'), input: { kind: 'slider', min: 0, max: 180, step: 5 } },
              { id: 'calm', label: text('Lugn?', 'Calm?'), input: { kind: 'yesNo' } },
            ],
            zones: {
              rules: [
                { id: 'some', zone: 'yellow', when: { op: 'gte', item: 'attacks', value: 2 }, explanation: text('Flera attacker', 'Several attacks') },
                { id: 'many', zone: 'red', when: { op: 'any', conditions: [{ op: 'gte', item: 'attacks', value: 5 }, { op: 'eq', item: 'calm', value: false }] }, alert: true },
              ],
              actions: {
                green: rich([paragraph('Fortsätt så.')], [paragraph('Keep going.')]),
                yellow: rich([paragraph('Gör andningsövningen.')], [paragraph('Do the breathing exercise.')]),
                red: rich([{ type: 'callout', attrs: { tone: 'warning' }, content: [paragraph('Ring mottagningen.')] }], [{ type: 'callout', attrs: { tone: 'warning' }, content: [paragraph('Call the clinic.')] }]),
              },
            },
            goal: { field: 'walked', aggregate: 'sum', period: 'week', comparison: 'atLeast', target: 150, label: text('150 minuter i veckan', '150 minutes a week') },
          },
        ],
      },
    ],
  };
  // '$schema' is allowed by the schema but not part of the generated type.
  return { $schema: 'https://careloom.org/schemas/module.schema.json', ...module } as Module;
}

/** A program using every part of the program format. */
export function fixtureProgram(): Program {
  return {
    formatVersion: 1,
    id: 'panic-program',
    title: text('Panikprogrammet', 'The panic program'),
    summary: text('Åtta veckor', 'Eight weeks'),
    languages: ['sv', 'en'],
    defaultLanguage: 'sv',
    tags: ['panic'],
    durationWeeks: 8,
    modules: [
      { key: 'basics', module: { moduleId: 'panic-basics', version: 2 }, unlock: {}, remind: false },
      { key: 'more', module: { moduleId: 'panic-basics' }, unlock: { week: 2, afterCompleting: ['basics'] }, optional: true },
    ],
    measurements: [{ id: 'weekly', module: { moduleId: 'panic-basics' }, weeks: [1, 4, 8], dueWithinDays: 3, reminders: [{ minutesBefore: 60, channels: ['app', 'email'] }, { minutesBefore: 0 }] }],
    registrations: [
      { id: 'check', module: { moduleId: 'panic-basics' }, registration: 'dailyCheck', frequency: 'weekly', weekdays: [1, 3, 5], deadline: '20:00', fromWeek: 1, toWeek: 8, alertWhenMissing: true, reminders: [{ minutesBefore: 30 }] },
    ],
  };
}
