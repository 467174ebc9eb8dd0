import { InvalidLocalDateError } from './errors';
import {
  REFUSAL_GROUNDS,
  isRefusalGroundCode,
  refusalGroundByCode,
  refusalGroundsInForce,
} from './refusal-grounds';

describe('REFUSAL_GROUNDS', () => {
  it('lists the ten grounds of Art. 14(1) in order with stable snake_case codes', () => {
    expect(REFUSAL_GROUNDS.map((g) => g.code)).toEqual([
      'unconstitutional_aims',
      'organizer_not_eligible',
      'threat_to_security_or_rights',
      'late_filing',
      'incomplete_filing_or_signature',
      'unreliable_documents',
      'prohibited_financing',
      'prohibited_place_or_regime',
      'over_capacity',
      'venue_occupied_or_works',
    ]);
    REFUSAL_GROUNDS.forEach((g, i) => {
      expect(g.code).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(g.article).toBe(`Art. 14(1)(${i + 1})`);
      expect(g.title.kk).toMatch(/[А-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі]/);
      expect(g.title.kk).toMatch(/[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/); // Kazakh letters, not Russian text
      expect(g.title.ru).toMatch(/^[А-ЯЁа-яё0-9 ,.()\-–]+$/);
      expect(g.title.en).not.toBe('');
      expect(g.validFrom).toBe('2020-06-06');
    });
    expect(REFUSAL_GROUNDS.filter((g) => g.requiresPriorProposal).map((g) => g.code)).toEqual([
      'venue_occupied_or_works',
    ]);
  });

  it('finds grounds by code and by date', () => {
    expect(refusalGroundByCode('late_filing')?.article).toBe('Art. 14(1)(4)');
    expect(refusalGroundByCode('toString')).toBeUndefined();
    expect(isRefusalGroundCode('over_capacity')).toBe(true);
    expect(isRefusalGroundCode('constructor')).toBe(false);
    expect(refusalGroundsInForce('2020-06-05')).toEqual([]);
    expect(refusalGroundsInForce('2025-03-26')).toHaveLength(10);
    expect(
      refusalGroundsInForce('2026-07-01', [
        { ...REFUSAL_GROUNDS[0], validTo: '2026-06-30' },
        REFUSAL_GROUNDS[1],
      ]).map((g) => g.code),
    ).toEqual(['organizer_not_eligible']);
    expect(() => refusalGroundsInForce('2025-13-01')).toThrow(InvalidLocalDateError);
  });
});
