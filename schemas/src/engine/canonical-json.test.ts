import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, canonicalJson } from './canonical-json.js';

function double(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

describe('canonicalJson (RFC 8785)', () => {
  it('writes the RFC’s §3.2.2 example', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    );
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units, as in the RFC’s §3.2.3 example', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    // '1' is an array-index key, which Object.keys lists first; canonical order puts '\r' before it.
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","ö":"Latin Small Letter O With Diaeresis","€":"Euro Sign","😀":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it.each([
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ])('writes the double 0x%s as %s (RFC 8785 appendix B)', (bits, expected) => {
    expect(canonicalJson(double(bits))).toBe(expected);
  });

  it('writes -0 as 0 and 1e21 in exponent form', () => {
    expect(canonicalJson([-0, 1e21, 1e20, 0.1 + 0.2])).toBe('[0,1e+21,100000000000000000000,0.30000000000000004]');
  });

  it('writes nested structures without whitespace and keeps array order', () => {
    expect(canonicalJson({ z: { b: [3, { d: 1, c: 2 }], a: null }, a: '' })).toBe('{"a":"","z":{"a":null,"b":[3,{"c":2,"d":1}]}}');
    expect(canonicalJson(Object.assign(Object.create(null), { b: 1, a: true }))).toBe('{"a":true,"b":1}');
    expect(canonicalJson('line\u2028break\u001f')).toBe('"line\u2028break\\u001f"');
  });

  it.each<[unknown, string, RegExp]>([
    [{ a: [1, Number.NaN] }, '/a/1', /NaN/],
    [{ a: Infinity }, '/a', /Infinity/],
    [[-Infinity], '/0', /-Infinity/],
    [{ 'x/y~z': undefined }, '/x~1y~0z', /undefined/],
    [{ pages: [{ id: () => 1 }] }, '/pages/0/id', /a function/],
    [{ s: Symbol('s') }, '/s', /a symbol/],
    [{ n: 10n }, '/n', /a bigint/],
    [{ when: new Date(0) }, '/when', /Date object/],
    [{ m: new Map() }, '/m', /Map object/],
    [{ text: 'a\ud800b' }, '/text', /lone surrogate/],
    [{ ['\udc00']: 1 }, '/\udc00', /lone surrogate/],
    [undefined, '', /the document is undefined/],
    // A sparse array's hole reads as undefined.
    [Object.assign([1], { 2: 3 }), '/1', /undefined/],
  ])('refuses %s at %j', (value, path, message) => {
    let caught: unknown;
    try {
      canonicalJson(value);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CanonicalJsonError);
    expect((caught as CanonicalJsonError).path).toBe(path);
    expect((caught as Error).message).toMatch(message);
  });

  it('refuses cycles but accepts a value shared by siblings', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    const cyclic: Record<string, unknown> = { a: {} };
    (cyclic.a as Record<string, unknown>).back = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/\/a\/back refers back/);
  });

  it('agrees with JSON.parse: the output reads back to the same value', () => {
    const value = { title: { sv: 'Sömn', en: 'Sleep' }, pages: [{ id: 'p1', blocks: [], weight: 0.5 }], flags: [true, false, null] };
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });
});
