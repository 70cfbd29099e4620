// Blocks that only show content: rich text, image, film, audio, and the care unit's contact details.
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { AudioBlock, FilmBlock, ImageBlock, TextBlock, UnitContactBlock } from '@careloom/format';
import { BlockElement } from './base.js';
import { richTx, tx, ui } from './context.js';
import type { UnitContact } from './context.js';
import { renderRichText } from './rich-text.js';

/** `<cl-text-block>`: a rich-text block. */
export class ClTextBlock extends BlockElement<TextBlock> {
  protected override render(): TemplateResult | typeof nothing {
    if (!this.block) return nothing;
    return html`<div class="rich-text">${renderRichText(richTx(this.ctx, this.block.content))}</div>`;
  }
}

/** `<cl-image-block>`: an image with its alternative text, caption and credit. */
export class ClImageBlock extends BlockElement<ImageBlock> {
  protected override render(): TemplateResult | typeof nothing {
    if (!this.block) return nothing;
    const caption = tx(this.ctx, this.block.caption);
    const credit = this.block.credit;
    return html`<figure class="media">
      <img src=${this.block.src} alt=${tx(this.ctx, this.block.alt)} loading="lazy" decoding="async" />
      ${caption || credit
        ? html`<figcaption>${caption}${credit ? html`<small class="credit">${credit}</small>` : nothing}</figcaption>`
        : nothing}
    </figure>`;
  }
}

/** `<cl-film-block>`: a film with caption tracks and the full transcript behind a disclosure. */
export class ClFilmBlock extends BlockElement<FilmBlock> {
  protected override render(): TemplateResult | typeof nothing {
    const block = this.block;
    if (!block) return nothing;
    const caption = tx(this.ctx, block.caption);
    const descriptionId = `cl-film-desc-${block.id}`;
    const captionId = `cl-film-caption-${block.id}`;
    const seconds = block.durationSeconds;
    const names = languageNames(this.ctx.language);
    const tracks = block.captions ?? [];
    const defaultTrack = tracks.find((track) => track.language === this.ctx.language) ?? tracks.find((track) => track.language === this.ctx.fallbackLanguage);
    return html`<figure class="media film">
      <video
        controls
        preload="metadata"
        playsinline
        poster=${block.poster ?? nothing}
        aria-labelledby=${caption ? captionId : nothing}
        aria-label=${caption ? nothing : tx(this.ctx, block.alt)}
        aria-describedby=${descriptionId}
      >
        <source src=${block.src} />
        ${tracks.map(
          (track) => html`<track kind="captions" src=${track.src} srclang=${track.language} label=${names(track.language)} ?default=${track === defaultTrack} />`,
        )}
        ${ui(this.ctx, 'videoUnsupported')}
      </video>
      <p class="visually-hidden" id=${descriptionId}>${tx(this.ctx, block.alt)}</p>
      ${mediaFooter(this.ctx, { caption, seconds, captionId, lengthKey: 'filmLength', transcript: block.transcript })}
    </figure>`;
  }
}

/**
 * `<cl-audio-block>`: a recording with its captions and the full transcript behind a disclosure.
 * A browser shows no caption track of an `<audio>` element, so the track in the reader's language
 * is loaded hidden and its current cue is written under the player as it plays (not announced:
 * a screen reader user has the transcript, and a live region would talk over the recording).
 */
export class ClAudioBlock extends BlockElement<AudioBlock> {
  static override properties = { ...BlockElement.properties, cue: { state: true } };
  declare cue: string;
  #listening: TextTrack | undefined;
  readonly #onCue = (event: Event) => {
    const track = event.target as TextTrack;
    const active = track.activeCues ? [...track.activeCues] : [];
    // The cue as text without its markup (voice tags such as <v Guide>, styling).
    this.cue = active.map((cue) => (cue as VTTCue).getCueAsHTML().textContent ?? '').join('\n');
  };

  constructor() {
    super();
    this.cue = '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#listening?.removeEventListener('cuechange', this.#onCue);
    this.#listening = undefined;
  }

  /** The caption track in the reader's language (else the module's first), shown through `cue`. */
  protected override updated(): void {
    const audio = this.querySelector('audio');
    if (!audio) return;
    const element = audio.querySelector<HTMLTrackElement>('track[data-chosen]');
    const track = element?.track;
    if (track === this.#listening) return;
    this.#listening?.removeEventListener('cuechange', this.#onCue);
    for (const other of [...audio.textTracks]) if (other !== track) other.mode = 'disabled';
    if (track) {
      track.mode = 'hidden';
      track.addEventListener('cuechange', this.#onCue);
    }
    this.#listening = track;
  }

  protected override render(): TemplateResult | typeof nothing {
    const block = this.block;
    if (!block) return nothing;
    const caption = tx(this.ctx, block.caption);
    const descriptionId = `cl-audio-desc-${block.id}`;
    const captionId = `cl-audio-caption-${block.id}`;
    const seconds = block.durationSeconds;
    const names = languageNames(this.ctx.language);
    const tracks = block.captions ?? [];
    const chosen = tracks.find((track) => track.language === this.ctx.language) ?? tracks.find((track) => track.language === this.ctx.fallbackLanguage) ?? tracks[0];
    return html`<figure class="media audio">
      <audio
        controls
        preload="metadata"
        aria-labelledby=${caption ? captionId : nothing}
        aria-label=${caption ? nothing : tx(this.ctx, block.alt)}
        aria-describedby=${descriptionId}
      >
        <source src=${block.src} />
        ${tracks.map(
          (track) => html`<track kind="captions" src=${track.src} srclang=${track.language} label=${names(track.language)} ?data-chosen=${track === chosen} />`,
        )}
        ${ui(this.ctx, 'audioUnsupported')}
      </audio>
      <p class="visually-hidden" id=${descriptionId}>${tx(this.ctx, block.alt)}</p>
      ${chosen
        ? html`<div class="audio-captions" aria-hidden="true" lang=${chosen.language}>
            <span class="audio-captions-label">${ui(this.ctx, 'captionsLabel')}</span>
            <p class=${this.cue ? 'cue' : 'cue waiting'}>${this.cue || ui(this.ctx, 'captionsWaiting')}</p>
          </div>`
        : nothing}
      ${mediaFooter(this.ctx, { caption, seconds, captionId, lengthKey: 'audioLength', transcript: block.transcript })}
    </figure>`;
  }
}

/** The caption (or, without one, the length) and the transcript under a film or a recording: the same for both. */
function mediaFooter(ctx: Parameters<typeof ui>[0], media: { caption: unknown; seconds: number | undefined; captionId: string; lengthKey: 'filmLength' | 'audioLength'; transcript: Parameters<typeof richTx>[1] }) {
  const { caption, seconds } = media;
  return html`${caption || seconds
      ? html`<figcaption id=${media.captionId}>${caption}${seconds && !caption
          ? html`<small>${ui(ctx, media.lengthKey, { m: Math.floor(seconds / 60), s: seconds % 60 })}</small>`
          : nothing}</figcaption>`
      : nothing}
    <details class="transcript">
      <summary>${ui(ctx, 'showTranscript')}</summary>
      <div class="rich-text">${renderRichText(richTx(ctx, media.transcript), { headingOffset: 2 })}</div>
    </details>`;
}

function languageNames(display: string): (tag: string) => string {
  try {
    const names = new Intl.DisplayNames([display], { type: 'language' });
    return (tag) => names.of(tag) ?? tag;
  } catch {
    return (tag) => tag;
  }
}

/** `<cl-unit-contact-block>`: the care unit's contact details from the `unitContact` overlay; a placeholder when absent. */
export class ClUnitContactBlock extends BlockElement<UnitContactBlock> {
  protected override render(): TemplateResult | typeof nothing {
    const block = this.block;
    if (!block) return nothing;
    const contact: UnitContact | undefined = this.ctx.unitContact;
    const intro = tx(this.ctx, block.intro);
    const show = new Set(block.show);
    if (!contact) {
      return html`<section class="unit-contact placeholder">
        ${intro ? html`<p>${intro}</p>` : nothing}
        <p class="placeholder-text">${ui(this.ctx, 'contactPlaceholder')}</p>
      </section>`;
    }
    const row = (key: 'contactName' | 'common.phone' | 'common.openingHours' | 'common.address' | 'contactEmail', value: TemplateResult | string) =>
      html`<div class="contact-row"><dt>${ui(this.ctx, key)}</dt><dd>${value}</dd></div>`;
    return html`<section class="unit-contact">
      ${intro ? html`<p>${intro}</p>` : nothing}
      ${show.has('crisisPhone') && contact.crisisPhone
        ? html`<p class="crisis">
            <span class="crisis-icon" aria-hidden="true">☎</span>
            <span>${ui(this.ctx, 'contactCrisis')}
              <a class="crisis-number" href=${telHref(contact.crisisPhone)}>${contact.crisisPhone}</a></span>
          </p>`
        : nothing}
      <dl>
        ${show.has('name') && contact.name ? row('contactName', contact.name) : nothing}
        ${show.has('phone') && contact.phone ? row('common.phone', html`<a href=${telHref(contact.phone)}>${contact.phone}</a>`) : nothing}
        ${show.has('openingHours') && contact.openingHours ? row('common.openingHours', contact.openingHours) : nothing}
        ${show.has('address') && contact.address ? row('common.address', contact.address) : nothing}
        ${show.has('email') && contact.email ? row('contactEmail', html`<a href=${`mailto:${contact.email}`}>${contact.email}</a>`) : nothing}
      </dl>
    </section>`;
  }
}

function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
