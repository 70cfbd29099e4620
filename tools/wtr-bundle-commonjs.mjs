// @ts-check
// A web-test-runner plugin serving the CommonJS-only modules the browser code imports as ES modules.
// Since the format's validators are compiled by `npm run gen`, that is ajv-formats' formats, which
// the compiled validators call (schemas/src/validate/validator-runtime.ts), and the tests' QR decoder.
import { build } from 'esbuild';

/** Served file (as the dev server resolves it) → the ES module statement that re-exports it. */
const ENTRIES = {
  'node_modules/ajv-formats/dist/formats.js': "export { fullFormats } from 'ajv-formats/dist/formats.js';",
  // The QR decoder the second-factor tests read the enrolment's QR code back with.
  'node_modules/jsqr/dist/jsQR.js': "import jsQR from 'jsqr/dist/jsQR.js'; export default jsQR;",
  // The engine's English syllable counter (syllable, an ES module) imports these two CommonJS modules.
  'node_modules/normalize-strings/index.js': "import normalize from 'normalize-strings'; export default normalize;",
  'node_modules/pluralize/pluralize.js': "import pluralize from 'pluralize'; export default pluralize;",
};

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function bundleCommonJs() {
  /** @type {Map<string, Promise<string>>} */
  const bundles = new Map();
  /** @param {string} contents */
  const makeBundle = async (contents) => {
    const result = await build({
      stdin: { contents, resolveDir: process.cwd(), loader: 'js' },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
    });
    return result.outputFiles[0]?.text ?? '';
  };
  return {
    name: 'careloom-bundle-commonjs',
    async serve(context) {
      const entry = Object.entries(ENTRIES).find(([file]) => context.path.endsWith(`/${file}`));
      if (!entry) return undefined;
      let bundle = bundles.get(entry[0]);
      if (!bundle) bundles.set(entry[0], (bundle = makeBundle(entry[1])));
      return { body: await bundle, type: 'js' };
    },
  };
}
