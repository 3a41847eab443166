/**
 * Path globs as config ignores write them (`legacy/**`, `stacks/*.yaml`), matched against
 * repository-relative, `/`-separated paths: `*` and `?` stay inside one folder name, `**` spans
 * folders. Nothing else is special, so a path with brackets or braces matches itself.
 */

const SPECIAL = /[.+^${}()|[\]\\]/g;

/** A glob as a regular expression over the whole path. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      // `**/` is any number of folders (none too); a trailing `**` is anything below
      const slash = glob[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(SPECIAL, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
