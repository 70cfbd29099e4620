// @ts-check
// A web-test-runner plugin serving CommonJS-only packages (ajv, ajv-formats) to the browser as ES
// modules. Both are bundled into ONE module with esbuild, because ajv-formats builds code with ajv's
// own classes and two copies of ajv would not recognise each other's code fragments.
import { build } from 'esbuild';

const BUNDLE_PATH = '/__careloom__/commonjs-bundle.js';

/** Specifier → the export of the shared bundle it stands for. */
const ENTRIES = {
  'node_modules/ajv/dist/2020.js': 'Ajv2020',
  'node_modules/ajv-formats/dist/index.js': 'addFormats',
};

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function bundleCommonJs() {
  /** @type {Promise<string> | undefined} */
  let bundle;
  const makeBundle = async () => {
    const result = await build({
      stdin: {
        contents: "export { default as Ajv2020 } from 'ajv/dist/2020.js'; export { default as addFormats } from 'ajv-formats';",
        resolveDir: process.cwd(),
        loader: 'js',
      },
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
      if (context.path === BUNDLE_PATH) return { body: await (bundle ??= makeBundle()), type: 'js' };
      const entry = Object.entries(ENTRIES).find(([file]) => context.path.endsWith(`/${file}`));
      if (entry) return { body: `export { ${entry[1]} as default } from '${BUNDLE_PATH}';`, type: 'js' };
      return undefined;
    },
  };
}
