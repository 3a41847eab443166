/**
 * Reading a template's nested stacks (see `cfn-nested.ts`) as part of the same input: each local
 * child template is read with what its parent passes it, recursively up to MAX_NESTING_DEPTH,
 * each file once. A child that cannot be read is an unreadable input naming the file; a child
 * that is not local gets INPUT_NESTED_STACK_NOT_READ, so a deploy is never passed for a part
 * certgate did not see.
 */

import { createFinding } from '../findings/finding.js';
import type { UnreadableInput } from '../findings/input-error.js';
import { MAX_NESTING_DEPTH, type NestedStack, nestedStacks, outputCertificate } from './cfn-nested.js';
import { cfnEvidenceKey, readTemplate, type TemplateOptions } from './cloudformation.js';
import { displayName, type SourceDocument } from './document.js';
import type { Collected } from './fields.js';

/** What reading the children needs from the loader. */
export interface NestedContext {
  readonly read: (file: string) => Promise<SourceDocument>;
  readonly out: Collected;
  readonly errors: UnreadableInput[];
  /** Reports a child that could not be read (the loader's error shape). */
  readonly unreadable: (file: string, error: unknown) => UnreadableInput;
  /** Files already read in this input (a template nested twice, or in a cycle, is read once). */
  readonly seen: Set<string>;
}

/** Reads the nested stacks of `doc` (already read itself with `options`) into `ctx.out`. */
export async function readNestedStacks(
  doc: SourceDocument,
  options: TemplateOptions,
  ctx: NestedContext,
  depth = 1,
): Promise<void> {
  const stacks = nestedStacks(doc, options.parameters);
  if (stacks.length === 0) return;
  // siblings' outputs are read before any child: a child may take a certificate from one
  const docs = new Map<string, SourceDocument>();
  for (const stack of stacks) {
    if (typeof stack.file !== 'string' || ctx.seen.has(stack.file)) continue;
    if (depth > MAX_NESTING_DEPTH) {
      notRead(doc, stack, `it is nested deeper than ${MAX_NESTING_DEPTH} stacks`, ctx);
      continue;
    }
    ctx.seen.add(stack.file);
    try {
      docs.set(stack.logicalId, await ctx.read(stack.file));
    } catch (e) {
      ctx.errors.push(fromParent(ctx.unreadable(stack.file, e), doc, stack));
    }
  }
  for (const stack of stacks) {
    if (typeof stack.file !== 'string') {
      notRead(doc, stack, stack.file.notRead, ctx);
      continue;
    }
    const child = docs.get(stack.logicalId);
    if (!child) continue;
    const certificateParameters = new Map<string, string>();
    for (const [name, from] of stack.certificates) {
      if (from.kind === 'resource')
        certificateParameters.set(name, cfnEvidenceKey(doc.source, from.logicalId));
      else {
        const sibling = docs.get(from.stack);
        const resource = sibling ? outputCertificate(sibling, from.output) : undefined;
        if (sibling && resource) certificateParameters.set(name, cfnEvidenceKey(sibling.source, resource));
      }
    }
    const prefix = options.idPrefix ? `${options.idPrefix}/${stack.logicalId}` : stack.logicalId;
    const childOptions: TemplateOptions = {
      ...options,
      parameters: { ...pseudoParameters(options.parameters), ...stack.parameters },
      idPrefix: prefix,
      certificateParameters,
    };
    try {
      readTemplate(child, childOptions, ctx.out);
      await readNestedStacks(child, childOptions, ctx, depth + 1);
    } catch (e) {
      ctx.errors.push(ctx.unreadable(child.source, e));
    }
  }
}

/** The pseudo parameters a child inherits from its parent (the same region, account, partition). */
function pseudoParameters(parameters: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(parameters)) if (name.startsWith('AWS::')) out[name] = value;
  return out;
}

function notRead(doc: SourceDocument, stack: NestedStack, reason: string, ctx: NestedContext): void {
  const finding = createFinding('INPUT_NESTED_STACK_NOT_READ', doc.locator(stack.path), {
    stack: stack.logicalId,
    source: displayName(doc.source),
    reason,
  });
  ctx.out.findings.push({ finding });
}

/**
 * A child template that cannot be read, said with where its parent names it: a missing file is
 * usually a TemplateURL relative to another folder, or a template not copied with its parent.
 */
function fromParent(error: UnreadableInput, doc: SourceDocument, stack: NestedStack): UnreadableInput {
  const { line, column } = doc.locator([...stack.path, 'Properties', 'TemplateURL']);
  const at = line !== undefined ? `:${line}${column !== undefined ? `:${column}` : ''}` : '';
  return {
    ...error,
    message: `${error.message} (the TemplateURL of nested stack ${stack.logicalId}, ${displayName(doc.source)}${at})`,
  };
}
