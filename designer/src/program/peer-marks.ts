import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { t } from '../i18n/i18n.js';
import type { ProgramPeer } from './program-presence.js';

/** Names of the other editors on a section or entry, each in their colour (nothing when none). */
export function peerMarks(peers: readonly ProgramPeer[]): TemplateResult | typeof nothing {
  if (peers.length === 0) return nothing;
  return html`<p class="peers-here">
    ${peers.map((peer) => html`<span class="peer" data-peer=${peer.clientId} style="border-color:${peer.color};color:${peer.color}">${t('common.personHere', { name: peer.name })}</span>`)}
  </p>`;
}
