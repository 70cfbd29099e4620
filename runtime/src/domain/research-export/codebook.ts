import type { Input, InstrumentBlock, Module, RegistrationBlock } from '@careloom/format';
import { localize } from '@careloom/format/engine';
import type { ResponseRecord } from '../care/ports.js';

/** One column of an export table, as the codebook describes it. */
export interface ExportColumn {
  name: string;
  /** The item's text or what the column holds, in the module's default language. */
  label: string;
  /** `identifier`, `datetime`, `integer`, `number`, `categorical`, `categorical (several, ;-separated)`, `text`, `boolean`, `score`, `band`, `zone`. */
  type: string;
  /** `code = label [score n] [LOINC code]`, `|`-separated; empty for free values. */
  options: string;
  /** The item's own terminology code (LOINC for the PHQ-9's items), or the score's. */
  code: string;
}

/** One CSV of an export: an instrument or a registration of one module version. */
export interface ExportTable {
  /** The file name without `.csv`: `<module>_v<version>_<block>`. */
  name: string;
  title: string;
  kind: 'instrument' | 'registration';
  moduleId: string;
  moduleVersion: number;
  blockId: string;
  columns: ExportColumn[];
  /** The row of one completed attempt (instrument) or one entry (registration), after the leading columns. */
  values(answers: Readonly<Record<string, unknown>>, response: ResponseRecord): Array<string | number>;
}

/** The columns every table starts with, before its items. */
export const LEADING_COLUMNS: readonly ExportColumn[] = Object.freeze([
  { name: 'participant', label: 'Pseudonymous participant id: the same patient has the same id in every file of one export configuration, and another id in any other configuration', type: 'identifier', options: '', code: '' },
  { name: 'unit', label: 'Care unit id', type: 'identifier', options: '', code: '' },
  { name: 'answered_at', label: 'When the patient answered (UTC)', type: 'datetime', options: '', code: '' },
  { name: 'day', label: 'Days since the program started for the patient (0 = first day)', type: 'integer', options: '', code: '' },
]);

const safe = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '_');

function inputColumn(id: string, label: string, input: Input, language: string): ExportColumn {
  const text = (value: Parameters<typeof localize>[0]) => localize(value, language, language);
  switch (input.kind) {
    case 'singleChoice':
    case 'multipleChoice':
      return { name: id, label, type: input.kind === 'singleChoice' ? 'categorical' : 'categorical (several, ;-separated)', options: input.options.map((option) => `${option.id} = ${text(option.label)}${option.value !== undefined ? ` [value ${option.value}]` : ''}`).join(' | '), code: '' };
    case 'scale':
      return { name: id, label, type: 'categorical', options: input.options.map((option) => `${option.id} = ${text(option.label)}`).join(' | '), code: '' };
    case 'slider':
      return { name: id, label, type: 'number', options: `${input.min} to ${input.max}`, code: '' };
    case 'number':
      return { name: id, label, type: 'number', options: input.unit ? `unit ${typeof input.unit === 'string' ? input.unit : JSON.stringify(input.unit)}` : '', code: '' };
    case 'yesNo':
      return { name: id, label, type: 'boolean', options: 'true = yes | false = no', code: '' };
    case 'dateTime':
      return { name: id, label, type: 'datetime', options: '', code: '' };
    default:
      return { name: id, label, type: 'text', options: '', code: '' };
  }
}

/** A stored answer as one CSV cell: option ids as they are, several joined with `;`, numbers as numbers. */
export function cell(value: unknown): string | number {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(String).join(';');
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

function instrumentTable(module: Module, version: number, block: InstrumentBlock): ExportTable {
  const language = module.defaultLanguage;
  const text = (value: Parameters<typeof localize>[0]) => localize(value, language, language);
  const loincSystem = block.codes?.system?.includes('loinc') ?? false;
  const itemColumns: ExportColumn[] = block.items.map((item) => {
    const options = item.options ?? block.options ?? [];
    return {
      name: item.id,
      label: text(item.text),
      type: 'categorical',
      options: options.map((option) => `${option.id} = ${text(option.label)} [score ${option.score}]${option.code ? ` [${loincSystem ? 'LOINC ' : ''}${option.code}]` : ''}`).join(' | '),
      code: item.code ?? '',
    };
  });
  const totalCode = block.scoring.total.code ?? block.codes?.total ?? '';
  const subscales = block.scoring.subscales ?? [];
  const scoreColumns: ExportColumn[] = [
    { name: `${block.id}_total`, label: `${block.abbreviation} total score (Careloom's scoring, with its missing-item rule)`, type: 'score', options: '', code: totalCode },
    { name: `${block.id}_band`, label: `${block.abbreviation} severity band`, type: 'band', options: block.scoring.bands.map((band) => `${band.id} = ${text(band.label)} [${band.min} to ${band.max}]`).join(' | '), code: '' },
    ...subscales.map((subscale) => ({ name: `${block.id}_${subscale.id}`, label: `${block.abbreviation} subscale: ${text(subscale.name)}`, type: 'score', options: '', code: '' })),
  ];
  return {
    name: `${safe(module.id)}_v${version}_${safe(block.id)}`,
    title: `${block.abbreviation} (${module.id} version ${version})`,
    kind: 'instrument',
    moduleId: module.id,
    moduleVersion: version,
    blockId: block.id,
    columns: [...itemColumns, ...scoreColumns],
    values(answers, response) {
      const score = response.scores.find((entry) => entry.instrumentId === block.id);
      return [
        ...block.items.map((item) => cell(answers[item.id])),
        score?.total ?? '',
        score?.band ?? '',
        ...subscales.map((subscale) => score?.subscales[subscale.id] ?? ''),
      ];
    },
  };
}

function registrationTable(module: Module, version: number, block: RegistrationBlock): ExportTable {
  const language = module.defaultLanguage;
  const text = (value: Parameters<typeof localize>[0]) => localize(value, language, language);
  const fields = block.fields.map((field) => inputColumn(field.id, text(field.label), field.input, language));
  return {
    name: `${safe(module.id)}_v${version}_${safe(block.id)}`,
    title: `${text(block.title)} (${module.id} version ${version})`,
    kind: 'registration',
    moduleId: module.id,
    moduleVersion: version,
    blockId: block.id,
    columns: [...fields, { name: 'zone', label: 'The zone the entry was scored into', type: 'zone', options: 'green | yellow | red', code: '' }],
    values(answers, response) {
      const zone = response.zones.find((entry) => entry.registrationId === block.id);
      return [...block.fields.map((field) => cell(answers[field.id])), zone?.zone ?? ''];
    },
  };
}

/** Every table of one module version: one per instrument, one per registration. */
export function exportTables(module: Module, version: number): ExportTable[] {
  const blocks = module.pages.flatMap((page) => page.blocks);
  return [
    ...blocks.filter((block): block is InstrumentBlock => block.type === 'instrument').map((block) => instrumentTable(module, version, block)),
    ...blocks.filter((block): block is RegistrationBlock => block.type === 'registration').map((block) => registrationTable(module, version, block)),
  ];
}

/** The codebook's columns (a data dictionary in the manner of REDCap's). */
export const CODEBOOK_HEADER = ['file', 'column', 'label', 'type', 'options', 'code', 'module', 'module_version', 'source'] as const;

/** The codebook rows of one table: the leading columns, then each item and score. */
export function codebookRows(table: ExportTable): string[][] {
  return [...LEADING_COLUMNS, ...table.columns].map((column) => [`${table.name}.csv`, column.name, column.label, column.type, column.options, column.code, table.moduleId, String(table.moduleVersion), `${table.kind} ${table.blockId}`]);
}
