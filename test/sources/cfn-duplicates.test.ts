// Duplicate keys in templates: CloudFormation accepts them and keeps the last value
// (aws-cloudformation/cfn-language-discussion#96, JSON; YAML alike); certgate reads them so and warns.
import { describe, expect, test } from 'vitest';
import { findDuplicateKeys } from '../../src/sources/json-document.js';
import { loadText, positionOf, where } from './helpers.js';

const ARN = 'arn:aws:acm:us-east-1:123456789012:certificate/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0';

// Pattern seen in hand-written SAM/CloudFormation templates: a copy-pasted cache policy with a
// repeated property, and an Outputs section written twice.
const YAML = `Resources:
  CachePolicy:
    Type: AWS::CloudFront::CachePolicy
    Properties:
      CachePolicyConfig:
        Name: short
        DefaultTTL: 60
        DefaultTTL: 300
  Site:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Aliases: [old.example.com]
        Aliases: [www.example.com]
        ViewerCertificate: {AcmCertificateArn: '${ARN}', SslSupportMethod: sni-only}
Outputs:
  Id: {Value: !Ref Site}
Outputs:
  Id: {Value: !Ref Site}
`;

describe('YAML template with repeated keys', () => {
  test('every distribution is read with the last value; one warning per repeat, at the key', async () => {
    const { inputs, errors } = await loadText('t.yaml', YAML);
    expect(errors).toEqual([]);
    const d = inputs.distributions.find((x) => x.id === 'Site')!;
    expect(d.aliases.map((a) => a.value)).toEqual(['www.example.com']);
    const dups = inputs.sourceFindings.filter((s) => s.finding.code === 'INPUT_DUPLICATE_KEY');
    expect(dups.map((s) => [s.distributionId, s.finding.args.key, s.finding.args.mapping])).toEqual([
      [undefined, 'DefaultTTL', 'Resources.CachePolicy.Properties.CachePolicyConfig'],
      ['Site', 'Aliases', 'Resources.Site.Properties.DistributionConfig'],
      [undefined, 'Outputs', 'the top level'],
    ]);
    expect(dups.every((s) => s.finding.severity === 'warning')).toBe(true);
    const at = YAML.indexOf('Aliases: [www');
    expect(where(dups[1]!.finding.location)).toEqual(positionOf(YAML, 'Aliases: [www'));
    expect(at).toBeGreaterThan(0);
    expect(where(dups[2]!.finding.location)).toEqual({ line: 18, column: 1 });
  });
});

describe('JSON template with repeated keys', () => {
  const JSON_TEMPLATE = `{
  "Resources": {
    "Site": {
      "Type": "AWS::CloudFront::Distribution",
      "Properties": {"DistributionConfig": {
        "Aliases": ["old.example.com"],
        "Aliases": ["www.example.com"],
        "ViewerCertificate": {"AcmCertificateArn": "${ARN}", "SslSupportMethod": "sni-only"}
      }}
    }
  }
}`;

  test('read last-wins (JSON.parse), warned at the repeat', async () => {
    const { inputs, errors } = await loadText('t.json', JSON_TEMPLATE);
    expect(errors).toEqual([]);
    const d = inputs.distributions[0]!;
    expect(d.aliases.map((a) => a.value)).toEqual(['www.example.com']);
    const dups = inputs.sourceFindings.filter((s) => s.finding.code === 'INPUT_DUPLICATE_KEY');
    expect(dups).toHaveLength(1);
    expect(dups[0]).toMatchObject({ distributionId: 'Site', finding: { args: { key: 'Aliases' } } });
    expect(where(dups[0]!.finding.location)).toEqual(positionOf(JSON_TEMPLATE, '"Aliases": ["www'));
  });

  test('the scan: escapes, arrays, nesting, and keys equal only after decoding', () => {
    const text = '{"a": [{"x": 1, "x": "}\\"", "y": {"x": 2}}], "b\\u0041": 1, "bA": 2, "c": "a,b"}';
    expect(JSON.parse(text)).toBeTruthy();
    const found = findDuplicateKeys(text);
    expect(found.first.map((d) => d.path)).toEqual([['a', 0, 'x'], ['bA']]);
    expect(found.count).toBe(2);
  });

  test('no repeats, no findings; an array after a key does not confuse the key state', () => {
    expect(findDuplicateKeys('{"a": [1, {"a": 1}], "b": {"a": [], "b": 2}}').count).toBe(0);
  });
});
