import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { AWS_REGIONS } from '../../src/aws/regions.js';

test("the regions expiry --aws looks in are the pinned SDK's aws partition, no more, no fewer", () => {
  const file = 'node_modules/@aws-sdk/core/dist-es/submodules/client/util-endpoints/lib/aws/partitions.js';
  const text = readFileSync(file, 'utf8');
  const json = JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)) as {
    partitions: { id: string; regions: Record<string, unknown> }[];
  };
  const aws = json.partitions.find((p) => p.id === 'aws')!;
  // aws-global is the partition's pseudo-region for global services, not a place ACM holds certificates
  const regions = Object.keys(aws.regions).filter((r) => /^[a-z]{2}-[a-z]+-\d$/.test(r));
  expect([...AWS_REGIONS].sort()).toEqual(regions.sort());
});
