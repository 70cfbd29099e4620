// Renders the rich-text allow-list (common.schema.json RichTextDoc) as Lit templates. Text goes in as
// text bindings, never as HTML, and node or mark types outside the allow-list render their text only
// (unknown blocks) or nothing, so content that slipped past validation still cannot inject markup.
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { RichTextDoc, RichTextMark, RichTextNode } from '@careloom/format';
import { isSafeLinkTarget } from '@careloom/format/engine';

type Part = TemplateResult | string | typeof nothing;

/** Options for {@link renderRichText}. */
export interface RichTextOptions {
  /** Added to heading levels so that the document's h1 sits under the page's own heading (default 1). */
  headingOffset?: number;
}

/**
 * The template of a rich-text document.
 *
 * @example
 * html`<div>${renderRichText(doc)}</div>`
 */
export function renderRichText(doc: RichTextDoc | undefined, options: RichTextOptions = {}): Part {
  if (!doc || doc.type !== 'doc' || !Array.isArray(doc.content)) return nothing;
  const offset = options.headingOffset ?? 1;
  return html`${doc.content.map((node) => renderNode(node, offset))}`;
}

/** The plain text of a rich-text document (for accessible names and tests). */
export function richTextPlain(doc: RichTextDoc | undefined): string {
  const walk = (node: RichTextNode): string =>
    node.type === 'text' ? (node.text ?? '') : node.type === 'hardBreak' ? '\n' : (node.content ?? []).map(walk).join(node.type === 'paragraph' ? '' : ' ');
  return (doc?.content ?? []).map(walk).join('\n');
}

function children(node: RichTextNode, offset: number): Part[] {
  return (node.content ?? []).map((child) => renderNode(child, offset));
}

function renderNode(node: RichTextNode, offset: number): Part {
  switch (node.type) {
    case 'paragraph':
      return html`<p>${children(node, offset)}</p>`;
    case 'heading':
      return heading(Math.min(6, Math.max(1, (node.attrs?.level ?? 1) + offset)), children(node, offset));
    case 'bulletList':
      return html`<ul>${children(node, offset)}</ul>`;
    case 'orderedList': {
      const start = node.attrs?.start;
      return html`<ol start=${typeof start === 'number' && start !== 1 ? start : nothing}>${children(node, offset)}</ol>`;
    }
    case 'listItem':
      return html`<li>${children(node, offset)}</li>`;
    case 'blockquote':
      return html`<blockquote>${children(node, offset)}</blockquote>`;
    case 'callout': {
      const tone = node.attrs?.tone ?? 'note';
      return html`<div class="callout callout-${tone}" role=${tone === 'crisis' || tone === 'warning' ? 'note' : nothing}>
        <span class="callout-icon" aria-hidden="true">${CALLOUT_ICON[tone] ?? 'ℹ'}</span>
        <div class="callout-body">${children(node, offset)}</div>
      </div>`;
    }
    case 'horizontalRule':
      return html`<hr />`;
    case 'hardBreak':
      return html`<br />`;
    case 'text':
      return withMarks(node.text ?? '', node.marks ?? []);
    default:
      // Not in the allow-list: keep any text, drop the element.
      return html`${children(node, offset)}`;
  }
}

const CALLOUT_ICON: Record<string, string> = { note: 'ℹ', tip: '✓', warning: '!', crisis: '!' };

function heading(level: number, content: Part[]): TemplateResult {
  switch (level) {
    case 1:
      return html`<h1>${content}</h1>`;
    case 2:
      return html`<h2>${content}</h2>`;
    case 3:
      return html`<h3>${content}</h3>`;
    case 4:
      return html`<h4>${content}</h4>`;
    case 5:
      return html`<h5>${content}</h5>`;
    default:
      return html`<h6>${content}</h6>`;
  }
}

function withMarks(text: string, marks: RichTextMark[]): Part {
  let part: Part = text;
  // The first mark is the outermost, as in ProseMirror's DOM output.
  for (const mark of [...marks].reverse()) part = applyMark(part, mark);
  return part;
}

function applyMark(inner: Part, mark: RichTextMark): Part {
  switch (mark.type) {
    case 'bold':
      return html`<strong>${inner}</strong>`;
    case 'italic':
      return html`<em>${inner}</em>`;
    case 'underline':
      return html`<u>${inner}</u>`;
    case 'strike':
      return html`<s>${inner}</s>`;
    case 'code':
      return html`<code>${inner}</code>`;
    case 'link': {
      const href = mark.attrs?.href;
      // The validator refuses other links, but a renderer never trusts stored content: a refused link shows as its text.
      if (!isSafeLinkTarget(href)) return inner;
      const external = /^https?:/i.test(href);
      return html`<a href=${href} rel="noopener noreferrer" target=${external && mark.attrs?.target === '_blank' ? '_blank' : nothing}>${inner}</a>`;
    }
    default:
      return inner;
  }
}
