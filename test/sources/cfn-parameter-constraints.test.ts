import { expect, test } from 'vitest';
import { parameterConstraintFindings } from '../../src/sources/cfn-validate.js';
import { parseJsonDocument } from '../../src/sources/json-document.js';

// CloudFormation checks a parameter's value (given, else its Default) against the parameter's
// constraints before it creates anything (parameters-section-structure.html)
const template = (parameter: Record<string, unknown>) =>
  parseJsonDocument('t.json', JSON.stringify({ Parameters: { P: parameter }, Resources: {} }));

const broken = (parameter: Record<string, unknown>, given: Record<string, string> = {}) =>
  parameterConstraintFindings(template(parameter), given).map((f) => String(f.finding.args.reason));

test.each([
  [
    'AllowedValues, given',
    { Type: 'String', AllowedValues: ['a', 'b'] },
    { P: 'c' },
    'is not one of its AllowedValues (a, b)',
  ],
  [
    'AllowedValues, Default',
    { Type: 'String', Default: 'c', AllowedValues: ['a', 'b'] },
    {},
    '(from Default)',
  ],
  [
    'AllowedValues of a number',
    { Type: 'Number', Default: 3, AllowedValues: [1, 2] },
    {},
    'AllowedValues (1, 2)',
  ],
  [
    'AllowedPattern matches the whole value',
    { Type: 'String', AllowedPattern: '[a-z]+' },
    { P: 'abc1' },
    'AllowedPattern',
  ],
  [
    'each item of a list',
    { Type: 'CommaDelimitedList', AllowedValues: ['x', 'y'] },
    { P: 'x, z' },
    'AllowedValues',
  ],
  ['MinLength', { Type: 'String', MinLength: 3 }, { P: 'ab' }, 'shorter than its MinLength 3'],
  ['MaxLength', { Type: 'String', MaxLength: 2 }, { P: 'abc' }, 'longer than its MaxLength 2'],
  ['MaxValue', { Type: 'Number', MaxValue: 60 }, { P: '90' }, 'above its MaxValue 60'],
  ['MinValue', { Type: 'Number', MinValue: 1 }, { P: '0' }, 'below its MinValue 1'],
  ['a Number that is no number', { Type: 'Number' }, { P: 'ten' }, 'is not a number'],
])('%s', (_, parameter, given, want) => {
  const found = broken(parameter, given);
  expect(found).toHaveLength(1);
  expect(found[0]).toContain(want);
});

test.each([
  ['a value in AllowedValues', { Type: 'String', AllowedValues: ['a', 'b'] }, { P: 'b' }],
  [
    'an empty value an optional pattern allows',
    { Type: 'String', Default: '', AllowedPattern: '^(arn:.+)?$' },
    {},
  ],
  ['no value at all', { Type: 'String', AllowedValues: ['a'] }, {}],
  [
    'an SSM parameter type (its value is a parameter name)',
    { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/x', AllowedPattern: 'z' },
    {},
  ],
  [
    'a pattern JavaScript cannot read is not guessed at',
    { Type: 'String', AllowedPattern: '[a-z' },
    { P: '!' },
  ],
  ['a number inside its range', { Type: 'Number', Default: 30, MinValue: 1, MaxValue: 60 }, {}],
])('passes: %s', (_, parameter, given) => {
  expect(broken(parameter, given)).toEqual([]);
});

test('the finding points at the parameter and names it', () => {
  const [f] = parameterConstraintFindings(template({ Type: 'String', AllowedValues: ['a'] }), { P: 'b' });
  expect(f!.finding.code).toBe('INPUT_TEMPLATE_INVALID');
  expect(f!.finding.args.parameter).toBe('P');
  expect(f!.finding.location.path).toEqual(['Parameters', 'P']);
  expect(f!.distributionId).toBeUndefined();
});

// a template's AllowedPattern is untrusted: JavaScript's regex engine has no time limit (run, these
// would take minutes: the test's own timeout is the guard)
test('a pattern that could backtrack without end is not run (and so not guessed at)', () => {
  expect(broken({ Type: 'String', AllowedPattern: '(a+)+$' }, { P: `${'a'.repeat(40)}!` })).toEqual([]);
  expect(broken({ Type: 'String', AllowedPattern: '^(a|aa)*$' }, { P: `${'a'.repeat(40)}!` })).toEqual([]);
  expect(broken({ Type: 'String', AllowedPattern: '(x)\\1' }, { P: 'xy' })).toEqual([]);
  // an optional group, a quantified plain group and classes are still checked
  expect(broken({ Type: 'String', AllowedPattern: '^(arn:[a-z]+)?$' }, { P: 'x' })).toHaveLength(1);
  expect(broken({ Type: 'String', AllowedPattern: '(ab)+' }, { P: 'abc' })).toHaveLength(1);
});
