import { localize } from '@careloom/format/engine';

/** Something a comment thread can be anchored to: a page, block or item of a module, or an entry of a program. */
export interface Anchor {
  id: string;
  kind: 'page' | 'block' | 'item' | 'entry';
  /** The text a reviewer recognises it by (title, prompt) in `language`, else ''. */
  text: string;
  /** Block type (`question`, `instrument`…) for blocks. */
  type?: string;
}

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isRecord) : []);

/**
 * The pages, blocks and items of a module (or the scheduled entries of a program), in document
 * order, for choosing where a comment goes.
 *
 * @example
 * anchorsOf(phq9, 'en'); // [{ id: 'intro', kind: 'page', … }, { id: 'phq9', kind: 'block', type: 'instrument' }, { id: 'phq9_1', kind: 'item' }, …]
 */
export function anchorsOf(content: unknown, language = 'en'): Anchor[] {
  if (!isRecord(content)) return [];
  const text = (value: unknown): string => (isRecord(value) ? safeLocalize(value, language, content) : '');
  const anchors: Anchor[] = [];
  for (const page of list(content['pages'])) {
    if (typeof page['id'] === 'string') anchors.push({ id: page['id'], kind: 'page', text: text(page['title']) });
    for (const block of list(page['blocks'])) {
      if (typeof block['id'] === 'string') anchors.push({ id: block['id'], kind: 'block', type: String(block['type'] ?? ''), text: text(block['prompt'] ?? block['title']) });
      for (const item of [...list(block['items']), ...list(block['fields'])]) {
        if (typeof item['id'] === 'string') anchors.push({ id: item['id'], kind: 'item', text: text(item['text'] ?? item['prompt'] ?? item['label']) });
      }
    }
  }
  for (const entry of [...list(content['modules']), ...list(content['measurements']), ...list(content['registrations'])]) {
    const id = typeof entry['key'] === 'string' ? entry['key'] : entry['id'];
    const module = isRecord(entry['module']) ? String(entry['module']['moduleId'] ?? '') : '';
    if (typeof id === 'string') anchors.push({ id, kind: 'entry', text: module });
  }
  return anchors;
}

function safeLocalize(value: Json, language: string, content: Json): string {
  const fallback = typeof content['defaultLanguage'] === 'string' ? content['defaultLanguage'] : 'en';
  try {
    const text: unknown = localize(value as Record<string, string>, language, fallback);
    return typeof text === 'string' ? text : '';
  } catch {
    return '';
  }
}
