import type { Random } from './prng.js';

type Json = Record<string, unknown>;

const words = ['lugn', 'andas', 'calm', 'breathe', 'ångest', 'panic', 'ok', 'a', ' ', 'å ä ö', '😀', 'x'];
const links = [
  { href: 'https://careloom.org', target: '_blank', rel: 'noopener noreferrer nofollow', class: null },
  { href: 'mailto:help@careloom.org', target: null, rel: null, class: null },
  { href: '/help' },
];

/**
 * A random rich-text document within the allow-list, in loose form (default attributes sometimes
 * left out, marks in any order, adjacent equal texts unjoined) to exercise normalisation.
 */
export function randomRichText(random: Random, depth = 0): Json {
  const content = Array.from({ length: random.int(4) }, () => randomBlock(random, depth));
  return { type: 'doc', content };
}

function randomBlock(random: Random, depth: number): Json {
  const kinds = depth > 2 ? ['paragraph', 'heading', 'horizontalRule'] : ['paragraph', 'paragraph', 'heading', 'bulletList', 'orderedList', 'blockquote', 'callout', 'horizontalRule'];
  const kind = random.pick(kinds);
  switch (kind) {
    case 'paragraph':
      return withContent({ type: 'paragraph' }, randomInline(random));
    case 'heading':
      return withContent({ type: 'heading', attrs: { level: 1 + random.int(4) } }, randomInline(random));
    case 'horizontalRule':
      return { type: 'horizontalRule' };
    case 'bulletList':
    case 'orderedList': {
      const items = Array.from({ length: 1 + random.int(3) }, () => ({
        type: 'listItem',
        content: [withContent({ type: 'paragraph' }, randomInline(random)), ...(random.chance(0.3) ? [randomBlock(random, depth + 1)] : [])],
      }));
      const attrs = kind === 'orderedList' && random.chance(0.5) ? { start: random.int(5), type: random.pick([null, 'a', 'I']) } : undefined;
      return { type: kind, ...(attrs ? { attrs } : {}), content: items };
    }
    default: {
      const tone = random.chance(0.7) ? { attrs: { tone: random.pick(['note', 'tip', 'warning', 'crisis']) } } : {};
      return { type: kind, ...(kind === 'callout' ? tone : {}), content: [randomBlock(random, depth + 1)] };
    }
  }
}

function randomInline(random: Random): Json[] {
  const nodes: Json[] = [];
  for (let index = random.int(5); index > 0; index -= 1) {
    if (random.chance(0.1)) {
      nodes.push({ type: 'hardBreak' });
      continue;
    }
    const marks = (['bold', 'italic', 'underline', 'strike', 'code', 'link'] as const)
      .filter(() => random.chance(0.25))
      .map((type) => (type === 'link' ? { type, attrs: random.pick(links) } : { type }));
    if (random.chance(0.5)) marks.reverse();
    nodes.push({ type: 'text', text: random.pick(words), ...(marks.length > 0 ? { marks } : {}) });
  }
  return nodes;
}

function withContent(node: Json, content: Json[]): Json {
  return content.length > 0 ? { ...node, content } : node;
}
