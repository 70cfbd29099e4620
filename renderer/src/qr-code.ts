import { svg } from 'lit';
import type { SVGTemplateResult } from 'lit';
import { encode } from 'uqr';

/** Light modules around the code, as the QR specification asks, so phone cameras find its edges. */
const QUIET_ZONE = 4;

/**
 * A QR code of `text` as an SVG template (encoded by `uqr`, medium error correction): one path of
 * dark squares on a white square, scaled by the surrounding CSS (set a width). Drawn with Lit's
 * `svg` template from the code's matrix, so no markup string is ever put into the page. `label`
 * names the image for screen readers; what it encodes should also be on the page as text.
 *
 * @example
 * html`<div class="qr">${qrCode(enrolment.otpauthUri, t('sfQrLabel'))}</div>`
 */
export function qrCode(text: string, label: string): SVGTemplateResult {
  const { data, size } = encode(text, { ecc: 'M', border: 0 });
  const full = size + 2 * QUIET_ZONE;
  let path = '';
  data.forEach((row, y) => row.forEach((dark, x) => (path += dark ? `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h1v1h-1z` : '')));
  return svg`<svg class="qr-code" role="img" aria-label=${label} viewBox=${`0 0 ${full} ${full}`} shape-rendering="crispEdges" xmlns="http://www.w3.org/2000/svg">
    <rect width=${full} height=${full} fill="#fff"></rect><path d=${path} fill="#000"></path></svg>`;
}
