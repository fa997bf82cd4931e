/**
 * `pnpm api:contract`: writes docs/api-contract.md from the app router, so the document lists
 * every procedure there is: its kind, its tier, its input as JSON Schema (zod's own conversion)
 * and, from the TypeScript checker, its JSDoc and its output type. The parts that no router
 * states (transport, errors, locale, idempotency, the same-origin rule) are the fixed preamble
 * below; the table of refusals is measured by sending each domain error through the real error
 * formatter. `src/api-contract.test.ts` fails when the committed document differs.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { z } from 'zod';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { DOMAIN_ERROR_CODES, DomainError } from '@seoro/domain';
import type { ServiceContext } from '@seoro/services';
import {
  adminProcedure,
  createRateLimiter,
  kioskProcedure,
  publicProcedure,
  residentProcedure,
  router,
  staffEditorProcedure,
  staffProcedure,
  type TrpcContext,
} from '@seoro/trpc';
import { appRouter } from '../src/router';

const here = dirname(fileURLToPath(import.meta.url));

/** Where the generated document lives, from the repository root. */
export const API_CONTRACT_FILE = 'docs/api-contract.md';
export const apiContractPath = join(here, '..', '..', '..', API_CONTRACT_FILE);

/** What tRPC keeps of a procedure at run time (`appRouter._def.procedures`). */
interface ProcedureDef {
  type: 'query' | 'mutation' | 'subscription';
  inputs: unknown[];
  middlewares: unknown[];
}
const defOf = (p: unknown) => (p as { _def: ProcedureDef })._def;

/** The tiers of `@seoro/trpc`, most specific last: a procedure gets the longest that it extends. */
const TIERS = [
  { name: 'public', builder: publicProcedure, who: 'anyone' },
  {
    name: 'kiosk',
    builder: kioskProcedure,
    who: 'a kiosk at the venue',
  },
  {
    name: 'resident',
    builder: residentProcedure,
    who: 'a resident signed in with an SMS code; otherwise 401 (`session_expired` when the session has just ended)',
  },
  {
    name: 'staff',
    builder: staffProcedure,
    who: 'a signed-in staff member of any role; otherwise 401',
  },
  {
    name: 'staff editor',
    builder: staffEditorProcedure,
    who: 'a staff member who may change things (role `staff` or `admin`); a viewer gets 403',
  },
  { name: 'admin', builder: adminProcedure, who: 'an administrator; other staff get 403' },
];

/** The tier whose middlewares (the same functions, in order) begin the procedure's. */
function tierOf(procedure: unknown): string {
  const own = defOf(procedure).middlewares;
  let best = { name: '?', length: -1 };
  for (const tier of TIERS) {
    const base = defOf(tier.builder).middlewares;
    const extends_ = base.length <= own.length && base.every((m, i) => own[i] === m);
    // Strictly longer only: a tier that is still another one's builder keeps the first name.
    if (extends_ && base.length > best.length) best = { name: tier.name, length: base.length };
  }
  return best.name;
}

/**
 * The input as JSON Schema (what a client may send), or null for a procedure without input. The
 * JSDoc of an input field, which zod cannot see, becomes its `description`.
 */
function inputSchemaOf(procedure: unknown, fieldDocs: Record<string, string>): object | null {
  const schemas = defOf(procedure).inputs.map((parser) => {
    const { $schema: _draft, ...schema } = z.toJSONSchema(parser as z.ZodType, {
      io: 'input',
      unrepresentable: 'any',
    });
    const properties = (schema as { properties?: Record<string, Record<string, unknown>> })
      .properties;
    for (const [field, doc] of Object.entries(fieldDocs)) {
      const property = properties?.[field];
      if (property && property.description === undefined) property.description = doc;
    }
    return schema;
  });
  if (schemas.length === 0) return null;
  // Several `.input()` calls are merged by tRPC: the input must satisfy each.
  return schemas.length === 1 ? schemas[0]! : { allOf: schemas };
}

interface Refusal {
  code: string;
  status: number;
  field: string | null;
}

/** Each domain refusal as a client receives it: HTTP status and the field it names. */
async function measureRefusals(): Promise<Refusal[]> {
  const probe = router({
    refuse: publicProcedure.input(z.object({ code: z.string() })).query(({ input }) => {
      throw new DomainError(input.code as DomainError['code']);
    }),
  });
  const context = (): TrpcContext => ({
    services: {} as ServiceContext,
    locale: 'en',
    ip: null,
    requestId: 'api-contract',
    rateLimiter: createRateLimiter(),
    staff: null,
    kiosk: null,
    resident: null,
  });
  const refusals: Refusal[] = [];
  for (const code of DOMAIN_ERROR_CODES) {
    const input = encodeURIComponent(JSON.stringify({ code }));
    const response = await fetchRequestHandler({
      endpoint: '/trpc',
      req: new Request(`http://localhost/trpc/refuse?input=${input}`),
      router: probe,
      createContext: context,
    });
    const body = (await response.json()) as { error: { data: { field: string | null } } };
    refusals.push({ code, status: response.status, field: body.error.data.field });
  }
  return refusals;
}

interface ProcedureTypes {
  /** The procedure's JSDoc. */
  description: string;
  /** JSDoc of its input's fields, by field name. */
  inputDocs: Record<string, string>;
  /** Its output type, written with the names of the workspace's own types. */
  output: string;
}

/**
 * What only the types know: each procedure's JSDoc and output, and the workspace's named types
 * those outputs use (expanded one by one under "Types"). One TypeScript program over the router.
 */
function readRouterTypes(paths: string[]) {
  const routerFile = join(here, '..', 'src', 'router.ts');
  const config = ts.getParsedCommandLineOfConfigFile(join(here, '..', 'tsconfig.json'), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!config) throw new Error('packages/api/tsconfig.json could not be read');
  const program = ts.createProgram([routerFile], config.options);
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(routerFile);
  const routerModule = source && checker.getSymbolAtLocation(source);
  const appRouterSymbol =
    routerModule && checker.getExportsOfModule(routerModule).find((e) => e.name === 'appRouter');
  if (!appRouterSymbol) throw new Error('src/router.ts exports no appRouter');

  const docOf = (symbol: ts.Symbol) =>
    ts.displayPartsToString(symbol.getDocumentationComment(checker)).replace(/\s*\n\s*/g, ' ');
  const member = (type: ts.Type, name: string) => {
    const symbol = type.getProperty(name);
    if (!symbol) throw new Error(`no ${name} on ${checker.typeToString(type)}`);
    return { symbol, type: checker.getTypeOfSymbol(symbol) };
  };
  const flags =
    ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType;
  const print = (type: ts.Type) => checker.typeToString(type, undefined, flags);

  /** Interfaces and aliases declared in the workspace (not in a dependency or the standard library). */
  const isOwn = (symbol: ts.Symbol | undefined) =>
    !!symbol?.declarations?.some((d) => {
      const file = d.getSourceFile().fileName;
      return (
        !file.includes('/node_modules/') && !program.isSourceFileDefaultLibrary(d.getSourceFile())
      );
    }) && !!(symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias));
  const named = new Map<string, string>();
  const collect = (type: ts.Type, seen: Set<ts.Type>) => {
    if (seen.has(type)) return;
    seen.add(type);
    if (type.isUnion()) {
      const alias = type.aliasSymbol;
      if (alias && isOwn(alias) && !named.has(alias.name)) {
        const doc = docOf(alias);
        const members = type.types.map(print).join(' | ');
        named.set(alias.name, `${doc ? `/** ${doc} */\n` : ''}type ${alias.name} = ${members};`);
      }
    }
    if (type.isUnionOrIntersection()) return type.types.forEach((t) => collect(t, seen));
    if (checker.isArrayType(type) || checker.isTupleType(type)) {
      return checker.getTypeArguments(type as ts.TypeReference).forEach((t) => collect(t, seen));
    }
    if (!(type.flags & ts.TypeFlags.Object)) return;
    const symbol = type.aliasSymbol ?? type.getSymbol();
    const name = type.aliasSymbol?.name ?? symbol?.name;
    if (isOwn(symbol) && name && !named.has(name)) {
      const doc = symbol ? docOf(symbol) : '';
      const fields = type.getProperties().map((p) => {
        const fieldDoc = docOf(p);
        const optional = p.flags & ts.SymbolFlags.Optional ? '?' : '';
        const line = `  ${p.name}${optional}: ${print(checker.getTypeOfSymbol(p))};`;
        return fieldDoc ? `  /** ${fieldDoc} */\n${line}` : line;
      });
      named.set(name, `${doc ? `/** ${doc} */\n` : ''}type ${name} = {\n${fields.join('\n')}\n};`);
    }
    for (const p of type.getProperties()) collect(checker.getTypeOfSymbol(p), seen);
  };

  const procedures = new Map<string, ProcedureTypes>();
  for (const path of paths) {
    let at = { symbol: appRouterSymbol, type: checker.getTypeOfSymbol(appRouterSymbol) };
    for (const part of path.split('.')) at = member(at.type, part);
    const types = member(member(at.type, '_def').type, '$types').type;
    const input = member(types, 'input').type;
    const output = member(types, 'output').type;
    const inputDocs = Object.fromEntries(
      input
        .getProperties()
        .map((p) => [p.name, docOf(p)] as const)
        .filter(([, doc]) => doc !== ''),
    );
    collect(output, new Set());
    procedures.set(path, { description: docOf(at.symbol), inputDocs, output: print(output) });
  }
  const types = [...named].sort(([a], [b]) => a.localeCompare(b)).map(([, text]) => text);
  return { procedures, types };
}

const code = (s: string) => `\`${s}\``;
const table = (head: string[], rows: string[][]) =>
  [head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');

/** The document, before Prettier lays it out. */
async function renderRaw(): Promise<string> {
  const entries = Object.entries(appRouter._def.procedures as Record<string, unknown>);
  const typed = readRouterTypes(entries.map(([path]) => path));
  const procedures = entries.map(([path, procedure]) => {
    const types = typed.procedures.get(path)!;
    return {
      path,
      kind: defOf(procedure).type,
      tier: tierOf(procedure),
      description: types.description,
      input: inputSchemaOf(procedure, types.inputDocs),
      output: types.output,
    };
  });
  const withKey = procedures.filter((p) =>
    JSON.stringify(p.input ?? {}).includes('"idempotencyKey"'),
  );
  const refusals = await measureRefusals();
  const kioskIsPublic = (kioskProcedure as unknown) === publicProcedure;

  const out: string[] = [];
  out.push(
    '# API contract (tRPC, `AppRouter` from `@seoro/api`)',
    '<!-- Generated from the app router by `pnpm api:contract` (packages/api/scripts/api-contract.ts). Do not edit by hand: change the router or the script and run it again. -->',
    '## Transport',
    [
      'tRPC 11 over HTTP at `/trpc`, plain JSON (no transformer), batching allowed. A query is',
      '`GET /trpc/<path>?input=<JSON>`, a mutation `POST /trpc/<path>` with the input as a JSON body.',
      'The web site calls the same router in-process from its server code; the kiosk calls `/trpc`.',
      'Dates are `YYYY-MM-DD` (KST), times `HH:MM` (KST), instants ISO strings (UTC).',
      'Inputs are given as JSON Schema (draft 2020-12) and validated by the server. Outputs are given',
      'as TypeScript types, with the named ones under [Types](#types); they are what the router',
      'returns, not validated again (`inferRouterOutputs<AppRouter>` from `@trpc/server` is the same).',
    ].join('\n'),
    '## Language',
    [
      'Every call may send the header `x-seoro-locale: ko | en`; without it the site’s locale cookie',
      '(`PARAGLIDE_LOCALE`), then `Accept-Language`, decide, and Korean is the default. Error messages',
      'come back already in that language.',
    ].join('\n'),
    '## Mutations: same origin, JSON only',
    [
      'A mutation must be sent as `application/json` (otherwise 415) from the site’s own origin: a',
      'request whose `Origin` is another origin, or whose `Sec-Fetch-Site` is neither `same-origin` nor',
      '`none`, gets 403. This shuts out cross-site request forgery without tokens. Behind a proxy that',
      'rewrites `Host`, `PUBLIC_ORIGIN` names the origin browsers use. Queries change nothing and pass.',
    ].join('\n'),
    '## Idempotency keys',
    [
      'A mutation that takes an optional `idempotencyKey` (8–100 characters, e.g. a UUID per form',
      'submission) answers a retry with the same key with the first answer and writes nothing; the',
      'same key with different details is refused with `idempotency_conflict`. The answer is stored in',
      'the same transaction as the change, so a retry after a lost response is always safe.',
      `Procedures that take one: ${withKey.map((p) => code(p.path)).join(', ') || 'none'}.`,
    ].join('\n'),
    '## Errors',
    [
      'Errors are `TRPCClientError`s. `error.message` is a sentence for the resident in the requested',
      'language; a stack trace is never sent. `error.data.domainCode` is the refusal’s code below, or',
      '`null` for invalid input and unexpected errors; `error.data.field` names the input field at',
      'fault when there is one, so a form can show the message beside it. Invalid input (zod) is 400',
      'with `field` set to the first field at fault and `error.data.issues` listing `{ path, code }`.',
      'A refusal that several inputs share (a date, a percentage) names the one at fault itself, so',
      'its `field` below is `–` and the answer carries it.',
    ].join('\n'),
    table(
      ['`domainCode`', 'HTTP status', '`field`'],
      refusals.map((r) => [code(r.code), String(r.status), r.field ? code(r.field) : '–']),
    ),
    '## Resident sessions (`registration.my.*`)',
    [
      'A resident proves their mobile number with a six-digit code sent by SMS (valid 5 minutes, dead',
      'after 5 wrong tries) and gets a session: an HttpOnly, SameSite=Lax cookie on `/` named',
      '`__Host-seoro_resident` (with `Secure`) over HTTPS and `seoro_resident` over plain HTTP. It ends',
      'after 30 minutes without a request and 12 hours after sign-in; page scripts never see the token.',
      'Asking for a code answers the same whether or not the number is registered.',
    ].join('\n'),
    '## Tiers',
    'Each procedure’s tier is the procedure builder of `@seoro/trpc` it is built on.',
    table(
      ['tier', 'who may call'],
      TIERS.map((t) => [
        t.name,
        t.name === 'kiosk' && kioskIsPublic
          ? `${t.who}; until kiosks are paired with device tokens it is the public tier, and its procedures are listed as public`
          : t.who,
      ]),
    ),
    '## Procedures',
    table(
      ['procedure', 'kind', 'tier', 'input'],
      procedures.map((p) => [code(p.path), p.kind, p.tier, p.input ? 'below' : '–']),
    ),
  );
  for (const p of procedures) {
    out.push(
      `### \`${p.path}\``,
      `${p.kind}, ${p.tier}.${p.description ? ` ${p.description}` : ''}`,
    );
    if (p.input) out.push('Input:', '```json\n' + JSON.stringify(p.input, null, 2) + '\n```');
    else out.push('No input.');
    out.push('Output:', '```ts\n' + `type Output = ${p.output};` + '\n```');
  }
  out.push('## Types', 'The named types the outputs use.');
  out.push('```ts\n' + typed.types.join('\n\n') + '\n```');
  return out.join('\n\n') + '\n';
}

/** The document as committed: the raw text laid out by the repository's Prettier settings. */
export async function renderApiContract(): Promise<string> {
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(apiContractPath)) ?? {};
  return prettier.format(await renderRaw(), { ...options, filepath: apiContractPath });
}

/** Reads the committed document (empty when there is none yet). */
export async function readApiContract(): Promise<string> {
  return readFile(apiContractPath, 'utf8').catch(() => '');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const text = await renderApiContract();
  const changed = text !== (await readApiContract());
  if (changed) await writeFile(apiContractPath, text);
  console.log(`${API_CONTRACT_FILE} ${changed ? 'written' : 'unchanged'}`);
}
