import { describe, expect, it } from 'vitest';
import { MAX_NONCE_LENGTH, nonceFor } from '../../../../src/adapters/discord/nonce.js';

describe('nonceFor', () => {
  it('uses a key that fits as it is', () => {
    expect(nonceFor('inc-1:2:sub-3')).toBe('inc-1:2:sub-3');
    expect(nonceFor('x'.repeat(25))).toBe('x'.repeat(25));
  });

  it('digests a longer key into 25 characters, the same every time and different per key', () => {
    const long = 'inc-20250701-kayes-kidnapping:2:sub-0001';
    expect(nonceFor(long)).toHaveLength(MAX_NONCE_LENGTH);
    expect(nonceFor(long)).toBe(nonceFor(long));
    expect(nonceFor(`${long}x`)).not.toBe(nonceFor(long));
  });
});
