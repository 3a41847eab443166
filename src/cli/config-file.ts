/**
 * The config file on disk and on the command: `.certgate.yaml` (or `.yml`) found by walking up
 * from the working directory to the repository root, or `--config FILE`, or none with
 * `--no-config`; its keys become defaults of the command's flags by their long name, so every
 * flag, present and future, has a config key. A flag given on the command line wins.
 */

import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { type Command, InvalidArgumentError, type Option } from 'commander';
import { type CertgateConfig, type ConfigValue, readConfig } from '../config/config.js';
import { ConfigError } from '../config/parse.js';
import type { FlagSpec } from '../config/schema.js';
import { type CliIO, errorLine } from './io.js';

/** The names a config file has, in the order they are looked for in each folder. */
export const CONFIG_NAMES = ['.certgate.yaml', '.certgate.yml'] as const;

/**
 * Flags that make no sense as a saved default: which config to read, the switches that turn the
 * config's effect off, a one-off baseline write, and a frozen clock (expiry would never advance).
 */
const NOT_IN_CONFIG = new Set([
  'config',
  'no-config',
  'no-ignore',
  'write-baseline',
  'at',
  'help',
  'version',
]);

/** A config this large is not a config. */
const MAX_CONFIG_BYTES = 1024 * 1024;

const isFile = async (path: string) => (await stat(path).catch(() => undefined))?.isFile() === true;
const exists = async (path: string) => (await stat(path).catch(() => undefined)) !== undefined;

/** The config file for a run in `cwd`: the first found walking up, stopping at the repository root. */
export async function findConfigFile(cwd: string): Promise<string | undefined> {
  let folder = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const path = join(folder, name);
      if (await isFile(path)) return path;
    }
    const parent = dirname(folder);
    if (parent === folder || (await exists(join(folder, '.git')))) return undefined;
    folder = parent;
  }
}

/** How a path is shown in messages: relative to the working directory when under it. */
function shown(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === '' || isAbsolute(rel) ? path : rel;
}

/** The command's flags, as the config schema sees them. */
export function flagSpecs(command: Command): FlagSpec[] {
  return command.options
    .filter((o) => o.long !== undefined && !NOT_IN_CONFIG.has(o.name()) && !o.negate)
    .map((o) => ({
      name: o.name(),
      description: o.description,
      takes: takesOf(o),
      ...(o.argChoices ? { choices: o.argChoices } : {}),
      ...(takesPath(o) ? { path: true } : {}),
    }));
}

/** How a flag takes its value: none (a switch), one, or repeated (`KEY=VALUE` pairs are a mapping too). */
function takesOf(o: Option): FlagSpec['takes'] {
  if (!o.required && !o.optional) return 'switch';
  if (o.variadic) return 'list';
  if (!isRepeatable(o)) return 'value';
  return o.flags.includes('=value>') ? 'pairs' : 'list';
}

/**
 * Whether a flag's value names a file or folder, as its placeholder says (`<file>`, `<dir>`,
 * `<file|dir|system>`, `<evidence>`, `<input...>`).
 */
const takesPath = (o: Option) => /<(?:file|dir|evidence|input)/.test(o.flags);

/** The commands other than `check` whose flags a config section (`probe:`) gives defaults for. */
const SECTIONS = ['probe'] as const;

/** The flags the config schema is made of: check's at the top level, each section's command's in it. */
export interface ConfigFlags {
  readonly flags: readonly FlagSpec[];
  readonly sections: Readonly<Record<string, readonly FlagSpec[]>>;
}

/** The config's flags, read from the program (`command` is any of its commands). */
export function configFlags(command: Command): ConfigFlags {
  const program = command.parent ?? command;
  const flagsOf = (name: string) => {
    const c = program.commands.find((x) => x.name() === name);
    return c ? flagSpecs(c) : [];
  };
  return { flags: flagsOf('check'), sections: Object.fromEntries(SECTIONS.map((n) => [n, flagsOf(n)])) };
}

/** Repeatable flags say so in their help (`(repeatable)`), the one mark they all share. */
const isRepeatable = (o: Option) => o.description.includes('(repeatable)');

/**
 * Reads the config a run uses: `--config FILE`, none for `--no-config` (`false`), else the one
 * found from `cwd`; undefined when there is none.
 *
 * @throws ConfigError (one line per problem, exit 2)
 */
export async function loadConfig(
  given: string | false | undefined,
  cwd: string,
  flags: ConfigFlags,
): Promise<{ config: CertgateConfig; dir: string } | undefined> {
  if (given === false) return undefined;
  const path = given !== undefined ? resolve(cwd, given) : await findConfigFile(cwd);
  if (path === undefined) return undefined;
  const name = given ?? shown(path, cwd);
  let text: string;
  try {
    const st = await stat(path);
    if (!st.isFile()) throw new ConfigError([`--config ${name}: not a file`]);
    if (st.size > MAX_CONFIG_BYTES)
      throw new ConfigError([`${name}: larger than 1 MiB; not a certgate config`]);
    text = await readFile(path, 'utf8');
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new ConfigError([
      `--config ${name}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code})`}`,
    ]);
  }
  return { config: readConfig(name, text, flags.flags, flags.sections), dir: dirname(path) };
}

/**
 * Sets each flag the config gives and the command line does not, through the flag's own parser
 * (so `warn-days: abc` is refused as `--warn-days abc` is). Paths are relative to `dir`, the
 * config's folder, and are handed on relative to `cwd`.
 *
 * @throws ConfigError naming the file, line and key of each value the flag refuses
 */
export function applyConfig(
  command: Command,
  values: ReadonlyMap<string, ConfigValue>,
  where: { readonly file: string; readonly dir: string; readonly cwd: string },
): void {
  const { file, dir, cwd } = where;
  const problems: string[] = [];
  for (const option of command.options) {
    const entry = values.get(option.name());
    if (entry === undefined || option.negate) continue;
    const key = option.attributeName();
    const from = command.getOptionValueSource(key);
    if (from !== undefined && from !== 'default') continue; // the command line wins
    try {
      command.setOptionValueWithSource(key, valueFor(option, entry.value, dir, cwd), 'config');
    } catch (e) {
      if (!(e instanceof InvalidArgumentError)) throw e;
      problems.push(`${file}:${entry.line}: ${option.name()}: ${e.message}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
}

/**
 * Loads the config for `command` (a section command such as `probe`) and applies its section to
 * the command's flags; false, with each problem on stderr, when the config cannot be used.
 */
export async function configure(
  command: Command,
  section: (typeof SECTIONS)[number],
  io: CliIO,
): Promise<boolean> {
  const cwd = process.cwd();
  try {
    const given = command.opts().config as string | false | undefined;
    const loaded = await loadConfig(given, cwd, configFlags(command));
    const values = loaded?.config.sections.get(section);
    if (loaded && values) applyConfig(command, values, { file: loaded.config.file, dir: loaded.dir, cwd });
    return true;
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    for (const line of e.lines) io.stderr.write(errorLine(line));
    return false;
  }
}

/** A config value as the flag would have parsed it from the command line. */
function valueFor(option: Option, value: unknown, dir: string, cwd: string): unknown {
  if (!option.required && !option.optional) return value === true;
  const one = (text: string, previous: unknown) => {
    const path = pathIn(option, text, dir, cwd);
    if (option.argChoices && !option.argChoices.includes(path))
      throw new InvalidArgumentError(`expected one of ${option.argChoices.join(', ')}`);
    return option.parseArg ? option.parseArg(path, previous) : path;
  };
  if (option.variadic) return [value].flat().map((v) => one(String(v), undefined));
  if (!isRepeatable(option)) return one(String(value), undefined);
  const items =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.entries(value).map(([k, v]) => `${k}=${String(v)}`)
      : [value].flat().map(String);
  let acc: unknown;
  for (const item of items) acc = one(item, acc);
  return acc;
}

/**
 * A flag value that names a file or folder (`<file>`, `<dir>`, `<file|dir|system>`, the FILE of
 * `--cert ARN=FILE`), made relative to the config's folder; other values as written.
 */
function pathIn(option: Option, value: string, dir: string, cwd: string): string {
  if (!takesPath(option) || value === 'system' || value === '-') return value;
  const eq = option.flags.includes('<evidence>') ? value.lastIndexOf('=') : -1;
  const file = value.slice(eq + 1);
  const rel = relative(cwd, resolve(dir, file)) || '.';
  return `${value.slice(0, eq + 1)}${rel}`;
}
