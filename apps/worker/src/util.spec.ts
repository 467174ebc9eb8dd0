import { SingleFlight, withTimeout } from './util';

describe('SingleFlight', () => {
  it('runs once at a time, and a caller during a run gets the next run', async () => {
    let runs = 0;
    let release: () => void = () => undefined;
    const flight = new SingleFlight(async () => {
      runs += 1;
      const n = runs;
      await new Promise<void>((r) => (release = r));
      return n;
    });
    const first = flight.run();
    const second = flight.run();
    const third = flight.run();
    expect(flight.busy).toBe(true);
    release();
    expect(await first).toBe(1);
    await new Promise((r) => setImmediate(r));
    release();
    expect(await second).toBe(2);
    expect(await third).toBe(2);
    expect(runs).toBe(2);
    expect(flight.busy).toBe(false);
  });

  it('recovers from a failed run', async () => {
    let fail = true;
    const flight = new SingleFlight(async () => {
      if (fail) throw new Error('boom');
      return 'ok';
    });
    await expect(flight.run()).rejects.toThrow('boom');
    fail = false;
    await expect(flight.run()).resolves.toBe('ok');
  });
});

describe('withTimeout', () => {
  it('gives up on slow work', async () => {
    await expect(withTimeout(new Promise(() => undefined), 10, 'nothing')).rejects.toThrow('within 10 ms');
    await expect(withTimeout(Promise.resolve(1), 10, 'one')).resolves.toBe(1);
  });
});
