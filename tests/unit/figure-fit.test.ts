import { describe, expect, it } from 'vitest';
import { figureSizeStep } from '@/lib/figure-fit';

// A stat on a 360 px phone: about 6.9rem for the number and its unit.
const SITE = { width: 6.9, sizes: [2.1, 1.8, 1.5, 1.25], unit: 1 } as const;

describe('figureSizeStep', () => {
  it('keeps short figures at full size', () => {
    expect(figureSizeStep('896', '人次', SITE)).toBe(0);
    expect(figureSizeStep('37', '人', SITE)).toBe(0);
  });
  it('shrinks the number so the unit stays on its line', () => {
    expect(figureSizeStep('1,520', '小时', SITE)).toBeGreaterThan(0);
    expect(figureSizeStep('12,000', '元', SITE)).toBeGreaterThan(0);
  });
  it('never goes past the smallest size', () => {
    expect(figureSizeStep('1,234,567.89', '平方米', SITE)).toBe(3);
  });
  it('sizes units relative to the number on posters', () => {
    const poster = { width: 54, sizes: [15, 12.5, 10.5], unit: { em: 0.4 } } as const;
    expect(figureSizeStep('896', '人次', poster)).toBe(0);
    expect(figureSizeStep('1,520', '小时', poster)).toBe(1);
  });
});
