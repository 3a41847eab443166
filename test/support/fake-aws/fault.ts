import type { Fault } from './types.js';

/** A fault answered as the protocol's error body, thrown from deep inside a handler. */
export class FaultAnswer extends Error {
  constructor(readonly fault: Fault) {
    super(fault.message);
  }
}
