/** Alert events and batches for the sink tests, with real-looking values a test can override. */

import type { AlertBatch, AlertCertificate, AlertEvent } from '../../src/alerts/types.js';

export const AT = '2026-12-02T12:00:00.000Z';
export const REFRESH_UNTIL = '2026-12-03T12:00:00.000Z';
export const FINGERPRINT = 'a1'.repeat(32);

export function certificate(overrides: Partial<AlertCertificate> = {}): AlertCertificate {
  return {
    fingerprint: FINGERPRINT,
    name: 'www.example.com',
    subject: 'CN=www.example.com',
    issuer: 'CN=Example Issuing CA,O=Example',
    serialNumber: '0a1b2c3d',
    sans: ['www.example.com', 'example.com'],
    notBefore: '2026-09-10T00:00:00.000Z',
    notAfter: '2026-12-09T00:00:00.000Z',
    chainNotAfter: '2026-12-09T00:00:00.000Z',
    daysLeft: 6.5,
    lifetimeUsed: 0.93,
    renewal: { status: 'at-risk', reason: 'DNS validation record missing' },
    places: ['certs/www.pem', 'www.example.com:443 (192.0.2.10)'],
    ...overrides,
  };
}

export function event(overrides: Partial<AlertEvent> = {}): AlertEvent {
  const cert = overrides.certificate ?? certificate();
  const alertname = overrides.alertname ?? 'CertificateExpiresSoon';
  return {
    id: `certgate/${cert.fingerprint}/${alertname}`,
    alertname,
    state: 'firing',
    why: 'new',
    severity: 'critical',
    summary: `${cert.name} expires in 6.5 days (${cert.notAfter})`,
    startsAt: '2026-12-01T12:00:00.000Z',
    certificate: cert,
    ...overrides,
  };
}

export function resolved(overrides: Partial<AlertEvent> = {}): AlertEvent {
  return event({ state: 'resolved', why: 'renewed', endsAt: AT, ...overrides });
}

export function batch(events: readonly AlertEvent[], overrides: Partial<AlertBatch> = {}): AlertBatch {
  return {
    at: AT,
    events,
    active: events.filter((e) => e.state === 'firing'),
    refreshUntil: REFRESH_UNTIL,
    version: '0.1.0-test',
    ...overrides,
  };
}
