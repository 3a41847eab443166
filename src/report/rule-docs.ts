/**
 * The rule pages (`docs/rules/CODE.md`) as SARIF rule metadata: a full description, the help as
 * Markdown and as plain text, and where the page is published. The pages ship in the package
 * (`files` in package.json), so they are read at format time from the package root: two folders
 * above this file in `src/report/`, `dist/report/` and the CLI bundle's `dist/bin/` alike.
 */

import { readFileSync } from 'node:fs';

const PACKAGE_ROOT = new URL('../../', import.meta.url);

/** What a rule page gives a SARIF rule; undefined fields when the page cannot be read. */
export interface RuleDocs {
  /** The description before the first `##` section, as Markdown. */
  readonly descriptionMarkdown: string;
  /** The page below its title, as Markdown, relative links made absolute. */
  readonly helpMarkdown: string;
}

const pages = new Map<string, RuleDocs | undefined>();

/** The package-relative path of a rule page: `docs/rules/CODE.md`. */
const pagePath = (code: string) => `docs/rules/${code}.md`;

/**
 * The page of `code`, parsed once per process; undefined when it is missing (a library copied
 * without `docs/`) or the code is not a plain finding code (never a path from input).
 */
export function ruleDocs(code: string, rulesBaseUrl: string): RuleDocs | undefined {
  if (!/^[A-Z][A-Z0-9_]*$/.test(code)) return undefined;
  const key = `${rulesBaseUrl}\0${code}`;
  if (pages.has(key)) return pages.get(key);
  let text: string | undefined;
  try {
    text = readFileSync(new URL(pagePath(code), PACKAGE_ROOT), 'utf8');
  } catch {
    text = undefined;
  }
  const docs = text === undefined ? undefined : parsePage(text, rulesBaseUrl);
  pages.set(key, docs);
  return docs;
}

/** Splits a page into its description (title and severity line dropped) and its help. */
function parsePage(text: string, rulesBaseUrl: string): RuleDocs {
  const body = text
    .replace(/\r\n/g, '\n')
    .replace(/^# [^\n]*\n+/, '')
    .replace(/^\*\*Severity:\*\*[^\n]*\n+/, '');
  const helpMarkdown = absoluteLinks(body.trim(), rulesBaseUrl);
  const section = helpMarkdown.search(/^## /m);
  const description = (section < 0 ? helpMarkdown : helpMarkdown.slice(0, section)).trim();
  return { descriptionMarkdown: description, helpMarkdown };
}

/**
 * Links to sibling pages (`[X](CF_OTHER.md)`) and to the docs folder above them (`[X](../aws.md)`)
 * as absolute URLs: a viewer shows the help away from the docs folder, where a relative link
 * leads nowhere. The folder above is taken to sit above the rule pages' URL, as in the package.
 */
function absoluteLinks(markdown: string, rulesBaseUrl: string): string {
  const docsBaseUrl = rulesBaseUrl.replace(/\/+$/, '').replace(/\/[^/]*$/, '');
  return markdown
    .replace(
      /\]\(([A-Z][A-Z0-9_]*\.md)(#[^)\s]*)?\)/g,
      (_, page: string, anchor?: string) => `](${joinUrl(rulesBaseUrl, page)}${anchor ?? ''})`,
    )
    .replace(
      /\]\(\.\.\/([a-z][a-z0-9-]*\.md)(#[^)\s]*)?\)/g,
      (_, page: string, anchor?: string) => `](${joinUrl(docsBaseUrl, page)}${anchor ?? ''})`,
    );
}

/** `base` + `/` + `name`, with exactly one slash between them. */
export function joinUrl(base: string, name: string): string {
  return `${base.replace(/\/+$/, '')}/${name}`;
}

/** A block whose lines are lines of their own: a list, a table, a code fence, an indented block. */
const KEEPS_LINES = /^(?:\s*[-*] |\s*\d+\. |\||```| {4})/m;

/** Lines wrapped by hand inside a paragraph joined into one, so a viewer can wrap them itself. */
function unwrapParagraphs(markdown: string): string {
  return markdown
    .split(/\n{2,}/)
    .map((block) => (KEEPS_LINES.test(block) ? block : block.replace(/\s*\n\s*/g, ' ')))
    .join('\n\n');
}

/**
 * Markdown as plain text for viewers that show no Markdown: paragraphs on one line, emphasis and
 * code marks dropped, a link as its text and URL, headings as their words, code fences removed.
 */
export function markdownToText(markdown: string): string {
  return unwrapParagraphs(markdown)
    .replace(/^```[^\n]*\n?/gm, '')
    .replace(/^#{1,6} +/gm, '')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label: string, url: string) =>
      label === url ? url : `${label} (${url})`,
    )
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`]+)`/g, '$1');
}

interface PackageLinks {
  readonly homepage?: string;
  readonly repository?: string | { readonly url?: string };
}

let packageRulesUrl: string | undefined;

/**
 * Where the rule pages are browsable by default: the package's GitHub repository (its
 * `homepage`, else its `repository` URL) at `blob/main/docs/rules`; the npm page's folder when
 * package.json names neither.
 */
export function defaultRulesBaseUrl(): string {
  if (packageRulesUrl === undefined) packageRulesUrl = rulesUrlOf(readPackageLinks());
  return packageRulesUrl;
}

function readPackageLinks(): PackageLinks {
  try {
    return JSON.parse(readFileSync(new URL('package.json', PACKAGE_ROOT), 'utf8')) as PackageLinks;
  } catch {
    return {};
  }
}

/** The rules folder URL for a package.json's `homepage` / `repository` (exported for tests). */
export function rulesUrlOf(pkg: PackageLinks): string {
  const repository = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  const candidates = [pkg.homepage, repository].map(repositoryWebUrl);
  const web = candidates.find((u) => u !== undefined);
  return web ? `${web}/blob/main/docs/rules` : 'https://unpkg.com/certgate/docs/rules';
}

/** `https://github.com/o/r` from `https://github.com/o/r#readme`, `git+https://…/r.git`, … */
function repositoryWebUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const url = value
    .replace(/^git\+/, '')
    .replace(/#.*$/, '')
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');
  return /^https:\/\/[^/]+\/[^/]+\/[^/]+$/.test(url) ? url : undefined;
}
