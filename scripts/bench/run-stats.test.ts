import { describe, expect, it } from 'vitest';
import { describeSpread, pairedRatios, spread } from './run-stats';

describe('spread', () => {
  it('gives the median, min and max of an odd or even number of runs', () => {
    expect(spread([16.1, 15.2, 19.9])).toEqual({ median: 16.1, min: 15.2, max: 19.9 });
    expect(spread([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4 });
  });

  it('refuses an empty list', () => {
    expect(() => spread([])).toThrow(/at least one/);
  });
});

describe('pairedRatios', () => {
  it('divides run by run, so a slow moment hits both builds of the pair', () => {
    expect(pairedRatios([20, 13], [16, 10])).toEqual([1.25, 1.3]);
  });

  it('refuses unpaired runs', () => {
    expect(() => pairedRatios([1, 2], [1])).toThrow(/as many runs/);
  });
});

it('describes one run by its value and several by their median and range', () => {
  const seconds = (value: number) => `${value.toFixed(1)} s`;
  expect(describeSpread(spread([15.5]), 1, seconds)).toBe('15.5 s');
  expect(describeSpread(spread([15.5, 15.1, 16]), 3, seconds)).toBe('15.5 s (15.1 s–16.0 s over 3 runs)');
});
