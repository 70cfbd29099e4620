// What a phone's authenticator app does, for the browser tests of the two second-factor screens
// (designer and clinic): read the enrolment QR code with the camera, then show the current code.
import jsQR from 'jsqr';
import * as OTPAuth from 'otpauth';

/**
 * Reads a QR code drawn as SVG back as a phone camera would: rasterised, then decoded by jsQR.
 *
 * @example
 * const uri = await decodeQr(screen.shadowRoot!.querySelector('svg')!); // 'otpauth://totp/…'
 */
export async function decodeQr(image: SVGSVGElement): Promise<string | undefined> {
  const size = 400;
  const source = new Blob([new XMLSerializer().serializeToString(image)], { type: 'image/svg+xml' });
  const url = URL.createObjectURL(source);
  try {
    const picture = new Image(size, size);
    picture.src = url;
    await picture.decode();
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const context = canvas.getContext('2d')!;
    context.drawImage(picture, 0, 0, size, size);
    return jsQR(context.getImageData(0, 0, size, size).data, size, size)?.data;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * What an authenticator app shows for `secret`, `stepsAhead` 30-second steps from now (the server
 * accepts one step either side).
 *
 * @example
 * await typeInto(codeField, codeFor(secret));
 */
export function codeFor(secret: string, stepsAhead = 0): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: Date.now() + stepsAhead * 30_000 });
}
