/**
 * Every form the admin has refuses a post from another site. The forms are read from the web
 * app's source: each admin page's form actions (`export const actions = { … }`) and each admin
 * endpoint that takes a POST. A form added later is covered without touching this file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { expect, test } from '@playwright/test';
import { fixtures } from './support';

const ROUTES = join(import.meta.dirname, '..', '..', 'web', 'src', 'routes');

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

/** Where an import of a page's server file points: `$lib/…` or a relative path, as a file. */
function importedFile(from: string, specifier: string): string {
  const base = specifier.startsWith('$lib/')
    ? join(ROUTES, '..', 'lib', specifier.slice('$lib/'.length))
    : join(from, '..', specifier);
  return base.endsWith('.ts') ? base : `${base}.ts`;
}

/**
 * The names of `export const actions = { … }` in a page's server file ('default' included); an
 * `actions` that is an imported object is read from its own file.
 */
function actionNames(source: string, fileName: string, name = 'actions'): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const names: string[] = [];
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || declaration.name.text !== name) continue;
      let init = declaration.initializer;
      while (init && (ts.isSatisfiesExpression(init) || ts.isAsExpression(init))) {
        init = init.expression;
      }
      if (init && ts.isIdentifier(init)) {
        const imported = importedName(file, init.text);
        if (imported) {
          const path = importedFile(fileName, imported.from);
          return actionNames(readFileSync(path, 'utf8'), path, imported.name);
        }
      }
      if (!init || !ts.isObjectLiteralExpression(init)) {
        throw new Error(`${fileName}: actions is not an object literal`);
      }
      for (const property of init.properties) {
        const name = property.name;
        if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name))) names.push(name.text);
      }
    }
  }
  return names;
}

/** The module and exported name an identifier was imported as, if it was. */
function importedName(file: ts.SourceFile, local: string): { from: string; name: string } | null {
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier))
      continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      if (element.name.text === local) {
        return {
          from: statement.moduleSpecifier.text,
          name: (element.propertyName ?? element.name).text,
        };
      }
    }
  }
  return null;
}

/** The URL path of a route folder, with each `[param]` filled in. */
function routePath(dir: string): string {
  const segments = relative(ROUTES, dir)
    .split(sep)
    .filter((s) => !/^\(.*\)$/.test(s))
    .map((s) => (s.startsWith('[') ? encodeURIComponent(fixtures().roomyCourseId) : s));
  return `/${segments.join('/')}`;
}

/** Every admin form target: page actions as `path?/name` (the default one as `path`), and POST endpoints. */
function adminFormTargets(): string[] {
  const targets: string[] = [];
  for (const path of files(join(ROUTES, 'admin'))) {
    const dir = path.slice(0, path.lastIndexOf(sep));
    const source = readFileSync(path, 'utf8');
    if (path.endsWith(`${sep}+page.server.ts`)) {
      for (const name of actionNames(source, path)) {
        targets.push(name === 'default' ? routePath(dir) : `${routePath(dir)}?/${name}`);
      }
    } else if (
      path.endsWith(`${sep}+server.ts`) &&
      /export (const|async function|function) POST\b/.test(source)
    ) {
      targets.push(routePath(dir));
    }
  }
  return targets.sort();
}

test('every admin form refuses a post from another site, and takes it from the site itself', async ({
  baseURL,
}) => {
  const targets = adminFormTargets();
  // The forms known when this was written; more may come, none may vanish unnoticed.
  expect(targets).toEqual(
    expect.arrayContaining([
      '/admin/sign-in',
      '/admin/sign-out',
      `/admin/courses/${fixtures().roomyCourseId}/roster?/move`,
      `/admin/courses/${fixtures().roomyCourseId}/roster?/register`,
    ]),
  );
  const post = (path: string, origin: string) =>
    fetch(new URL(path, baseURL).href, {
      method: 'POST',
      redirect: 'manual',
      // As a browser posts a form; `*/*` would get SvelteKit's JSON answer for `use:enhance`.
      headers: {
        origin,
        accept: 'text/html',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ reason: 'cross-site test' }).toString(),
    });
  const answers: string[] = [];
  for (const target of targets) {
    for (const prefix of ['', '/en']) {
      const path = `${prefix}${target}`;
      const foreign = await post(path, 'https://evil.example');
      answers.push(`${path} from another site: ${foreign.status}`);
      // From the site itself the same post reaches the form (which asks a stranger to sign in).
      const own = await post(path, new URL(baseURL!).origin);
      answers.push(`${path} from the site: ${own.status === 403 ? 403 : 'not refused'}`);
    }
  }
  expect(answers).toEqual(
    targets.flatMap((target) =>
      ['', '/en'].flatMap((prefix) => [
        `${prefix}${target} from another site: 403`,
        `${prefix}${target} from the site: not refused`,
      ]),
    ),
  );
});
