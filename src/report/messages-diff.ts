/** Words for `certgate diff` findings: what differs between two environments, and what to do. */

import type { FindingCode } from '../findings/catalog.js';
import type { FindingArgs } from '../findings/types.js';
import { days, list, str } from './wording.js';

type Wording = (args: FindingArgs) => { readonly message: string; readonly fix?: string };

const names = (v: FindingArgs[string]): string => list(v).join(', ');

export const DIFF_WORDINGS: Record<Extract<FindingCode, `DIFF_${string}`>, Wording> = {
  DIFF_STALE_CERTIFICATE: (a) => ({
    message: `${str(a.stale)} still points at ${str(a.staleCertificate)}${a.staleIssued ? ` (issued ${str(a.staleIssued)}` : ''}${a.staleExpires ? `, expires ${str(a.staleExpires)}${a.daysLeft !== undefined ? `, ${Number(a.daysLeft) < 0 ? `${days(-Number(a.daysLeft))} ago` : `in ${days(a.daysLeft)}`}` : ''}` : ''}${a.staleIssued ? ')' : ''}, while ${str(a.current)} moved on to ${str(a.currentCertificate)}${a.currentIssued ? ` (issued ${str(a.currentIssued)})` : ''}, a certificate for the same names: the template of ${str(a.stale)} was not updated when the certificate was replaced`,
    fix: `point ${str(a.stale)} at ${str(a.currentCertificate)} (or at the parameter both environments read), then deploy it before the old certificate expires`,
  }),
  DIFF_SETTING_DIFFERS: (a) => ({
    message: `${str(a.setting)} is ${str(a.valueA)} in ${str(a.a)} and ${str(a.valueB)} in ${str(a.b)}`,
    fix: 'make the environments agree (set the value in one shared module or parameter), or accept the difference if one environment is meant to differ',
  }),
  DIFF_CERTIFICATE_DIFFERS: (a) => ({
    message: `${str(a.a)} uses ${str(a.valueA)} and ${str(a.b)} uses ${str(a.valueB)}${a.sameNames === true ? ', two certificates for the same names issued on the same day' : a.evidence === true ? ', certificates for different names (as environments with their own domains have)' : ''}`,
    ...(a.evidence === true
      ? {}
      : {
          fix: 'give both certificates as evidence (--cert, aws acm describe-certificate output) to tell whether one environment points at a replaced certificate',
        }),
  }),
  DIFF_ALIASES_DIFFER: (a) => {
    const onlyA = names(a.onlyA);
    const onlyB = names(a.onlyB);
    const how =
      a.byLabel === true ? ' (compared by their first label, as the environments use different domains)' : '';
    const parts = [
      onlyA ? `${onlyA} in ${str(a.a)} only` : '',
      onlyB ? `${onlyB} in ${str(a.b)} only` : '',
    ].filter((p) => p !== '');
    return {
      message: `aliases without a counterpart in the other environment${how}: ${parts.join('; ')}`,
      fix: 'add the missing alias to the other environment, or accept the difference if it is meant',
    };
  },
  DIFF_ONLY_IN_ONE: (a) => ({
    message: `distribution ${str(a.distribution)} is in ${str(a.in)} and has no counterpart in ${str(a.other)}`,
    fix: 'if it should exist in both, add it (with the same logical id or resource address, so the environments pair)',
  }),
};
