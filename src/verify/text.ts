/**
 * The text form of `certgate verify`: the verification flow step by step (path, each
 * certificate's checks from the leaf up, the name), the step that failed, then the findings
 * with what OpenSSL, Node.js, curl, browsers, Java and Go print for them, and the fix.
 * Drawn from the same report as the JSON output (`details` is a `VerifyDetails`).
 */

import type { ClientErrors } from '../clients/client-errors.js';
import { clientErrorsForFinding } from '../clients/client-errors-for-finding.js';
import type { FindingCode } from '../findings/catalog.js';
import { CATALOG, docsPath } from '../findings/catalog.js';
import type { Colors } from '../report/colors.js';
import type { Report, ReportFinding, ReportResult } from '../report/report.js';
import { forTerminal, terminalSafe } from '../report/terminal.js';
import { formatFindingLines } from '../report/text.js';
import { clientClause } from '../report/wording.js';
import type { VerifyStep, VerifyStepName, VerifyStepStatus } from './steps.js';
import type { VerifyDetails, VerifyPathEntry } from './view.js';

const LABELS: Readonly<Record<VerifyStepName, string>> = {
  path: 'path',
  validity: 'validity',
  profile: 'profile',
  key: 'key',
  'basic-constraints': 'CA',
  'key-usage': 'key usage',
  'extended-key-usage': 'extended key usage',
  signature: 'signature',
  'path-length': 'path length',
  'name-constraints': 'name constraints',
  revocation: 'revocation',
  policy: 'policy',
  name: 'name',
};

/** A step's label, with the certificate's role where it reads differently. */
function stepLabel(step: VerifyStep): string {
  if (step.step === 'basic-constraints' && step.certIndex === 0) return 'not a CA';
  if (step.step === 'signature' && step.certIndex !== undefined) return `signature by #${step.certIndex + 1}`;
  return LABELS[step.step];
}

function mark(status: VerifyStepStatus, c: Colors): string {
  if (status === 'ok') return c.green('✓');
  if (status === 'failed') return c.red('✗');
  return c.dim(status === 'skipped' ? '-' : '·');
}

/** The mark of a group of steps: failed wins, then not reached, else ok. */
function groupStatus(steps: readonly VerifyStep[]): VerifyStepStatus {
  if (steps.some((s) => s.status === 'failed')) return 'failed';
  if (steps.some((s) => s.status === 'not-reached')) return 'not-reached';
  return 'ok';
}

/** Joins items into lines of at most `width` visible characters. */
function wrap(items: readonly { text: string; width: number }[], indent: string, width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const item of items) {
    if (used > 0 && used + 2 + item.width > width) {
      lines.push(indent + line);
      line = '';
      used = 0;
    }
    line += (used > 0 ? '  ' : '') + item.text;
    used += (used > 0 ? 2 : 0) + item.width;
  }
  if (used > 0) lines.push(indent + line);
  return lines;
}

function certificateLines(entry: VerifyPathEntry, steps: readonly VerifyStep[], c: Colors): string[] {
  const from = entry.source
    ? `, from ${forTerminal(entry.source)}`
    : entry.origin === 'mozilla'
      ? ', Mozilla roots'
      : '';
  const head = `${mark(groupStatus(steps), c)} ${c.bold(`#${entry.index} ${forTerminal(entry.label)}`)} ${c.dim(`(${entry.role}${from})`)}`;
  const items = steps.map((s) => {
    const label = s.status === 'skipped' ? `${stepLabel(s)} not checked` : stepLabel(s);
    const text = `${mark(s.status, c)} ${s.status === 'failed' ? c.red(label) : label}`;
    return { text, width: label.length + 2 };
  });
  return [head, ...wrap(items, '    ')];
}

function pathLine(d: VerifyDetails, step: VerifyStep | undefined, c: Colors): string {
  const chain = d.path.map((p) => forTerminal(p.label)).join(' → ') || '(no certificate)';
  const last = d.path[d.path.length - 1];
  const status = step?.status ?? 'not-reached';
  let tail = '';
  if (status === 'ok' && last) tail = ` (trusted: ${trustedBy(last, d)})`;
  else if (status === 'failed') tail = ` → ${c.red('no trust anchor reached')}`;
  else if (last) tail = c.dim(` (not completed: validation stopped at #${last.index})`);
  return `${mark(status, c)} ${c.bold('path')}  ${chain}${tail}`;
}

/** The trust store in one phrase: `Mozilla (Node.js)`, `+ NODE_EXTRA_CA_CERTS`, the --roots file. */
function storeLabel(d: VerifyDetails): string {
  const base =
    d.trust.store === 'mozilla'
      ? 'Mozilla (Node.js)'
      : forTerminal(d.trust.roots.join(', ')) || 'the given roots';
  const extra = d.trust.extraCaCerts ? ` + NODE_EXTRA_CA_CERTS ${forTerminal(d.trust.extraCaCerts)}` : '';
  const added = d.trust.addRoots.length > 0 ? ` + ${forTerminal(d.trust.addRoots.join(', '))}` : '';
  return `${base}${extra}${added}`;
}

function trustedBy(anchor: VerifyPathEntry, d: VerifyDetails): string {
  if (anchor.source) return forTerminal(anchor.source);
  if (anchor.origin === 'mozilla') return 'Mozilla roots bundled with Node.js';
  if (anchor.origin === 'node-extra')
    return `NODE_EXTRA_CA_CERTS ${forTerminal(d.trust.extraCaCerts ?? '')}`.trimEnd();
  return anchor.origin === 'add-roots' ? '--add-roots' : '--roots';
}

function nameLine(d: VerifyDetails, step: VerifyStep | undefined, r: ReportResult, c: Colors): string {
  const ref = d.reference ? forTerminal(d.reference.value) : undefined;
  const status = step?.status ?? 'skipped';
  const head = `${mark(status, c)} ${c.bold('name')}  `;
  if (status === 'skipped') return head + c.dim('not checked (give --host NAME or --ip ADDR)');
  if (status === 'ok')
    return `${head}${ref} matches ${d.reference?.kind === 'ip' ? 'IP' : 'DNS'}:${forTerminal(d.matchedName ?? '')}`;
  if (status === 'not-reached')
    return head + c.dim(`${ref} not checked: validation stopped before the name check`);
  const presented = r.findings.find((f) => f.code === 'NAME_MISMATCH')?.args.presented;
  const names =
    Array.isArray(presented) && presented.length
      ? forTerminal(presented.join(', '), 4096)
      : 'no DNS or IP names';
  return `${head}${c.red(`${ref} is not covered`)} by ${names}`;
}

/** The flow: path, each certificate leaf first, name. */
export function renderFlow(r: ReportResult, c: Colors): string[] {
  const d = r.details as VerifyDetails;
  const at = (name: VerifyStepName) => d.steps.find((s) => s.step === name && s.certIndex === undefined);
  const lines = [pathLine(d, at('path'), c)];
  const count = Math.max(d.path.length, ...d.steps.map((s) => (s.certIndex ?? -1) + 1));
  for (let i = 0; i < count; i++) {
    const steps = d.steps.filter((s) => s.certIndex === i);
    const entry = d.path[i];
    if (entry) lines.push(...certificateLines(entry, steps, c));
  }
  const policy = at('policy');
  if (policy) lines.push(policyLine(policy, r, c));
  lines.push(nameLine(d, at('name'), r, c));
  return lines;
}

/** The policy step, shown when it failed: which certificate required an explicit policy. */
function policyLine(step: VerifyStep, r: ReportResult, c: Colors): string {
  const finding = r.findings.find((f) => f.code === step.code);
  const detail =
    finding?.code === 'PATH_INVALID_POLICY_MAPPING'
      ? 'a policy mapping maps anyPolicy'
      : forTerminal(
          `no accepted policy (${String(finding?.args.accepted ?? 'any policy')}) is valid for the path; ${String(finding?.args.requiredBy ?? 'the settings')} requires one`,
        );
  return `${mark(step.status, c)} ${c.bold('policy')}  ${c.red(detail)}`;
}

/** The verdict line, naming the failing step and the certificate it concerns. */
function verdictLine(r: ReportResult, c: Colors): string {
  const d = r.details as VerifyDetails;
  const target = d.reference ? ` for ${forTerminal(d.reference.value)}` : '';
  const failed = d.failedStep;
  if (!failed) {
    return r.verdict === 'pass'
      ? `${c.green(c.bold('PASS'))}  the chain is valid${target}`
      : `${c.red(c.bold('FAIL'))}  the chain is valid${target}, but a finding reaches --fail-on`;
  }
  const cert = failed.certIndex === undefined ? undefined : d.path[failed.certIndex];
  const where =
    failed.certIndex === undefined
      ? ''
      : ` of #${failed.certIndex} ${forTerminal(cert?.label ?? '')}`.trimEnd();
  const title = failed.code ? `: ${CATALOG[failed.code].title}` : '';
  return `${c.red(c.bold('FAIL'))}  step "${stepLabel(failed)}"${where} failed${title}`;
}

const CLIENT_ROWS: readonly [label: string, pick: (e: ClientErrors) => string[]][] = [
  ['OpenSSL', (e) => e.openssl.map((o) => (o.code === undefined ? o.text : `${o.text} (${o.code})`))],
  ['Node.js', (e) => e.node.map((n) => (n.code === 'UNSPECIFIED' ? n.message : `${n.code}: ${n.message}`))],
  ['curl', (e) => [...e.curl]],
  ['browsers', (e) => (e.browser.length ? [e.browser.join(', ')] : [])],
  ['Java', (e) => [...e.java]],
  ['Go', (e) => [...e.go]],
];

/**
 * A finding with the client texts below it and its docs page. The table replaces the message's
 * "clients say" clause, which would say the same thing again.
 */
function findingLines(f: ReportFinding, c: Colors): string[] {
  const clients = clientErrorsForFinding({ code: f.code as FindingCode, args: f.args });
  const clause = `; ${clientClause(clients)}`;
  const message = clients && f.message.endsWith(clause) ? f.message.slice(0, -clause.length) : f.message;
  const lines = formatFindingLines({ ...f, message }, c, '  ');
  if (clients) {
    const rows = CLIENT_ROWS.flatMap(([label, pick]) =>
      pick(clients).map((t) => `      ${c.dim(label.padEnd(9))}${t}`),
    );
    if (rows.length) lines.push(`    ${c.cyan('what clients say:')}`, ...rows);
  }
  if (f.code in CATALOG) lines.push(`    ${c.dim(`docs: ${docsPath(f.code as FindingCode)}`)}`);
  return lines;
}

/** Renders a verify report as text: header, flow, verdict, findings, summary. */
export function formatVerifyText(report: Report, options: { readonly colors: Colors }): string {
  const c = options.colors;
  const blocks = report.results.map((r) => {
    const d = r.details as VerifyDetails;
    const target = d.reference ? ` for ${forTerminal(d.reference.value)}` : '';
    const header = c.bold(`Verifying ${forTerminal(r.subject.source)}${target}`);
    const setting = c.dim(
      `at ${d.at.replace(/\.\d{3}Z$/, 'Z')}, policy ${d.policy}, purpose ${d.purpose}, roots ${storeLabel(d)}`,
    );
    const findings = r.findings.flatMap((f) => findingLines(f, c));
    return [
      `${header} ${setting}`,
      '',
      ...renderFlow(r, c),
      '',
      verdictLine(r, c),
      ...(findings.length ? ['', ...findings] : []),
    ].join('\n');
  });
  const { errors, warnings, notes } = report.summary;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const verdict = report.verdict === 'pass' ? c.green('pass') : c.red('fail');
  const checked = `${plural(report.results.length, 'chain')} checked`;
  const summary = `${c.bold(checked)}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(notes, 'note')}; verdict ${verdict}`;
  return terminalSafe(`${[...blocks, summary].join('\n\n')}\n`);
}
