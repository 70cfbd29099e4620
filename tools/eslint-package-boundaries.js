// @ts-check
// An ESLint plugin with one rule, `careloom/package-boundaries`: the npm workspaces of the root
// package.json are the packages, and a file reaches another package only through that package's
// name, a path its `exports` lists, and a dependency its own package.json declares. So the import
// graph cannot drift from the dependency graph ARCHITECTURE.md draws.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

/**
 * @typedef {{ dir: string, name: string, exports: Record<string, unknown>, declared: Set<string> }} Workspace
 * @typedef {{ root: string, workspaces: Workspace[], rootPackage: Workspace }} Repository
 */

/** @type {Map<string, Repository | null>} */
const repositories = new Map();

/** @param {string} file */
function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** @param {string} dir @param {any} pkg @returns {Workspace} */
function workspaceOf(dir, pkg) {
  const declared = new Set([
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.keys(pkg.devDependencies ?? {}),
    ...Object.keys(pkg.peerDependencies ?? {}),
  ]);
  const exports = typeof pkg.exports === 'string' ? { '.': pkg.exports } : (pkg.exports ?? {});
  return { dir, name: pkg.name, exports, declared };
}

/**
 * The repository a file belongs to: the nearest folder above it whose package.json lists workspaces.
 * @param {string} file
 * @returns {Repository | null}
 */
function repositoryOf(file) {
  let dir = dirname(file);
  const visited = [];
  for (;;) {
    if (repositories.has(dir)) {
      const found = repositories.get(dir) ?? null;
      for (const seen of visited) repositories.set(seen, found);
      return found;
    }
    visited.push(dir);
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const pkg = readJson(manifest);
      if (Array.isArray(pkg.workspaces)) {
        const workspaces = pkg.workspaces
          .map((/** @type {string} */ folder) => workspaceOf(resolve(dir, folder), readJson(join(dir, folder, 'package.json'))))
          // Longest folder first, so runtime/web wins over runtime.
          .sort((/** @type {Workspace} */ a, /** @type {Workspace} */ b) => b.dir.length - a.dir.length);
        const repository = { root: dir, workspaces, rootPackage: workspaceOf(dir, pkg) };
        for (const seen of visited) repositories.set(seen, repository);
        return repository;
      }
    }
    const parent = dirname(dir);
    if (parent === dir) {
      for (const seen of visited) repositories.set(seen, null);
      return null;
    }
    dir = parent;
  }
}

/** @param {Repository} repository @param {string} path */
function packageOf(repository, path) {
  return repository.workspaces.find((workspace) => path === workspace.dir || path.startsWith(workspace.dir + sep)) ?? repository.rootPackage;
}

/** Whether `subpath` ('.', './engine', './modules/phq-9.json') is a key of `exports`, or matches one of its `*` patterns. */
function isExported(/** @type {Record<string, unknown>} */ exports, /** @type {string} */ subpath) {
  if (Object.hasOwn(exports, subpath)) return exports[subpath] !== null;
  return Object.keys(exports).some((key) => {
    const star = key.indexOf('*');
    if (star < 0) return false;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    return subpath.length > prefix.length + suffix.length - 1 && subpath.startsWith(prefix) && subpath.endsWith(suffix) && exports[key] !== null;
  });
}

/** @type {import('eslint').Rule.RuleModule} */
const packageBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports between workspace packages go through a declared dependency and an exported path, never a relative path.' },
    schema: [],
    messages: {
      crossesPackage: "'{{source}}' reaches from {{from}} into {{to}} by a relative path: import it as {{to}}/… through an export.",
      notExported: "{{name}} does not export '{{subpath}}' (its package.json \"exports\" lists {{exported}}).",
      notDeclared: '{{from}} imports {{name}} without declaring it in its package.json dependencies.',
    },
  },
  create(context) {
    const file = resolve(context.filename);
    const repository = repositoryOf(file);
    if (!repository) return {};
    const own = packageOf(repository, file);
    const byName = new Map(repository.workspaces.map((workspace) => [workspace.name, workspace]));

    /** @param {import('estree').Node} node @param {unknown} value */
    function check(node, value) {
      if (typeof value !== 'string') return;
      if (value.startsWith('.')) {
        const target = packageOf(repository, resolve(dirname(file), value));
        if (target !== own) context.report({ node, messageId: 'crossesPackage', data: { source: value, from: own.name, to: target.name } });
        return;
      }
      const segments = value.split('/');
      const name = value.startsWith('@') ? segments.slice(0, 2).join('/') : segments[0] ?? value;
      const workspace = byName.get(name);
      if (!workspace) return;
      const subpath = ['.', ...segments.slice(value.startsWith('@') ? 2 : 1)].join('/');
      if (!isExported(workspace.exports, subpath)) {
        context.report({ node, messageId: 'notExported', data: { name, subpath, exported: Object.keys(workspace.exports).join(', ') } });
      }
      if (workspace !== own && !own.declared.has(name)) context.report({ node, messageId: 'notDeclared', data: { from: own.name, name } });
    }

    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => { if (node.source) check(node.source, node.source.value); },
      ImportExpression: (node) => { if (node.source.type === 'Literal') check(node.source, node.source.value); },
    };
  },
};

export default { meta: { name: 'careloom' }, rules: { 'package-boundaries': packageBoundaries } };
